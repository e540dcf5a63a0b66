namespace Remic.Grid.Cluster;

/// <summary>Names every silo and client of a Remic cluster shares: one cluster per PostgreSQL database (or schema).</summary>
public static class ClusterNames
{
    /// <summary>Orleans' ClusterId (the DeploymentId column of the membership table) and ServiceId.</summary>
    public const string ClusterId = "remic-grid";
    public const string ServiceId = "remic-grid";
}
