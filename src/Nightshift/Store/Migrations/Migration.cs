namespace Nightshift.Store.Migrations;

/// <summary>
/// One forward step of the journal's schema. <see cref="Version"/> is what <c>PRAGMA user_version</c>
/// holds once the step is applied; the script runs inside a transaction together with that update,
/// so a step is either fully applied or not at all.
/// </summary>
/// <remarks>
/// Scripts run with <c>foreign_keys=ON</c>, which SQLite cannot switch off inside a transaction.
/// A future step that rebuilds a table (the 12-step ALTER procedure) must therefore create the new
/// table, copy, drop and rename in an order that never leaves a dangling reference; the migrator
/// runs <c>PRAGMA foreign_key_check</c> before committing each step to catch it.
/// </remarks>
internal sealed record Migration(int Version, string Name, string Sql);
