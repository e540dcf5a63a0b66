namespace Remic.Grid.Cluster;

/// <summary>
/// The one grain of the cluster engine: a stateless worker, so the silo that receives a call (the client's gateway) runs
/// it locally. Calls carry only primitives, text and bytes. A job and a deal travel by content hash; their text only when
/// the silo answers that it has not cached them yet (<see cref="BatchReply.NeedJob"/>, <see cref="BatchReply.NeedDeal"/>).
/// </summary>
public interface IGridWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Runs one batch of a job (scenarios <c>First .. First + Count − 1</c> of one deal).</summary>
    Task<BatchReply> Run(BatchRequest request);

    /// <summary>The silo that answers (its address), for tests and logs.</summary>
    Task<string> Where();
}

/// <summary>
/// A batch to run. <see cref="JobHash"/> is <see cref="GridJob.Hash"/>; <see cref="JobJson"/> (only when asked for) is the
/// job without its deals (axes, price, settlement); <see cref="DealJson"/> (only when asked for) is the batch's deal
/// (<see cref="GridDeal"/>: file name, text, tapes), whose hash the silo checks against <see cref="DealHash"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BatchRequest(
    [property: Id(0)] string JobHash,
    [property: Id(1)] string? JobJson,
    [property: Id(2)] int Deal,
    [property: Id(3)] string DealHash,
    [property: Id(4)] string? DealJson,
    [property: Id(5)] long First,
    [property: Id(6)] int Count);

/// <summary>
/// A batch's answer: its result (<see cref="GridBatchResult.Encode"/>), or what the silo needs first, or the input errors
/// the batch raised (a deal that cannot run: the same on every silo, so never retried).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BatchReply(
    [property: Id(0)] byte[]? Result,
    [property: Id(1)] bool NeedJob,
    [property: Id(2)] bool NeedDeal,
    [property: Id(3)] WireInputError[]? Errors,
    [property: Id(4)] string? Failure,
    [property: Id(5)] string Silo);

/// <summary>A <see cref="Remic.Core.InputError"/> as it crosses the wire.</summary>
[GenerateSerializer, Immutable]
public sealed record WireInputError(
    [property: Id(0)] string Source,
    [property: Id(1)] int Line,
    [property: Id(2)] string Field,
    [property: Id(3)] string? Value,
    [property: Id(4)] string Expected,
    [property: Id(5)] int Column);
