namespace Remic.Core;

/// <summary>
/// A cash-flow identity failed (e.g. beginning balance ≠ principal + losses + ending balance).
/// Always a bug or a corrupt input, never something to log and carry on from.
/// </summary>
public sealed class ConservationException(string message) : Exception(message);
