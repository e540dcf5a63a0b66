// Option parsing, the run report and the statement tables live in Remic.Reports (shared with Remic.Server).
global using Remic.Reports.Inputs;
global using Remic.Reports.Statements;
global using RunReport = Remic.Reports.RunReport;
