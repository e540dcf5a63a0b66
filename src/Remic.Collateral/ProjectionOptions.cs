namespace Remic.Collateral;

/// <summary>
/// How <see cref="Projector.Project"/> spends the machine, never what it computes: results do not depend on
/// <see cref="MaxDegreeOfParallelism"/> (loans are cut into the same fixed chunks whatever the thread
/// count, and chunk sums are merged in chunk order), and <see cref="Reference"/> differs from the fast path
/// only by the order in which loans are summed (agreement to 1e-9 relative is tested).
/// </summary>
public sealed record ProjectionOptions
{
    /// <summary>Threads that may project chunks at once (1 = only the calling thread).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Project one loan at a time, in pool order, on the calling thread, with no SIMD: the straightforward
    /// loop the fast path is tested against.
    /// </summary>
    public bool Reference { get; init; }

    /// <summary>All cores, SIMD across loans where the loans allow it.</summary>
    public static ProjectionOptions Default { get; } = new();

    /// <summary>The fast path on the calling thread only.</summary>
    public static ProjectionOptions SingleThread { get; } = new() { MaxDegreeOfParallelism = 1 };

    /// <summary>The straightforward scalar loop (see <see cref="Reference"/>).</summary>
    public static ProjectionOptions ReferenceLoop { get; } = new() { MaxDegreeOfParallelism = 1, Reference = true };
}
