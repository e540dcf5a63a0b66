global using Xunit;

// The cluster tests are CPU-bound (a 2,000-scenario grid each): one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
