using Remic.Core;
using Remic.Trustee.Distribution;

namespace Remic.Trustee.Periods;

public enum CloseOutcome { Closed, AlreadyClosed }

public sealed record CloseResult(string DealId, Period Period, CloseOutcome Outcome, string Message,
    PeriodCollections? Collections = null, PeriodDistribution? Distribution = null, Reconciliation? Reconciliation = null);

/// <summary>Another process closed (or restated) the same period while this close was computing; nothing was written.</summary>
public sealed class ConcurrentCloseException(string message) : Exception(message);

/// <summary>A close or reopen that the period state does not allow (out of order, nothing remitted, not the latest).</summary>
public sealed class PeriodStateException(string message) : Exception(message);
