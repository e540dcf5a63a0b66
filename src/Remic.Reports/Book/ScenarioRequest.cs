using Remic.Analytics;
using Remic.Collateral;

namespace Remic.Reports.Book;

/// <summary>One scenario the book needs run: a prepayment speed, a default speed, a loss severity (fraction
/// of the defaulted balance) and the months from default to liquidation.</summary>
/// <param name="Call">Exercise the deal's clean-up call (a runner for a deal without one ignores it).</param>
/// <param name="IndexShiftBp">Every index path the deal resets off moved by this many basis points (floored at 0%).</param>
public sealed record ScenarioRequest(Speed Prepay, Speed Default, double Severity, int Lag, bool Call = false, int IndexShiftBp = 0)
{
    public static ScenarioRequest At(Speed prepay) => new(prepay, Speed.Zero(SpeedKind.Default), 0, 0);

    /// <summary>Identity for caching: speeds compare by their text.</summary>
    public string Key => FormattableString.Invariant($"{Prepay.Text}|{Default.Text}|{Severity:R}|{Lag}|{(Call ? "call" : "")}|{IndexShiftBp}");

    public override string ToString() => FormattableString.Invariant(
        $"{Prepay.Text}, {Default.Text}, severity {Severity * 100:0.##}%, lag {Lag}{(Call ? ", to call" : "")}{(IndexShiftBp != 0 ? $", index {IndexShiftBp:+0;-0} bp" : "")}");
}

/// <summary>What a scenario run returns: each class's cash flows by class name, and the collateral per loan group.</summary>
public sealed record ScenarioResult(IReadOnlyDictionary<string, BondCashFlows> Classes, IReadOnlyList<GroupCashFlows> Groups)
{
    public BondCashFlows Class(string name, ScenarioRequest request) =>
        Classes.TryGetValue(name, out var f) ? f
            : throw new InvalidOperationException($"the scenario runner returned no cash flows for class {name} ({request})");
}
