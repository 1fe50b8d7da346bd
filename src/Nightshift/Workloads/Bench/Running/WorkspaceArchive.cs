using System.Formats.Tar;
using System.IO.Compression;
using Nightshift.Files;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>Keeps the workspace of a failed run as a .tar.gz, so a person can see in the morning what the agent left.</summary>
internal static class WorkspaceArchive
{
    /// <param name="workspace">The workspace directory.</param>
    /// <param name="files">The files to keep, relative to <paramref name="workspace"/> (sources, not build outputs).</param>
    /// <param name="destination">The .tar.gz to write; replaced atomically.</param>
    /// <param name="cancellationToken">Abandons the archive.</param>
    public static async Task CreateAsync(string workspace, IReadOnlyList<string> files, string destination, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAsync(destination, async (stream, token) =>
        {
            var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
            await using (gzip.ConfigureAwait(false))
            {
                var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
                await using (tar.ConfigureAwait(false))
                {
                    foreach (var file in files.Order(StringComparer.Ordinal))
                    {
                        await tar.WriteEntryAsync(Path.Combine(workspace, file), file, token).ConfigureAwait(false);
                    }
                }
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}
