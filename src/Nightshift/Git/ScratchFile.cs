namespace Nightshift.Git;

/// <summary>
/// A uniquely named file under <c>.nightshift/tmp</c> (a scratch index, a patch), deleted with the files git
/// puts beside it (its <c>.lock</c>) when disposed.
/// </summary>
internal sealed class ScratchFile : IDisposable
{
    private ScratchFile(string path) => Path = path;

    public string Path { get; }

    public static ScratchFile Create(GitRepository repository, string kind)
    {
        repository.Paths.State.EnsureCreated();
        Directory.CreateDirectory(repository.Paths.State.Scratch);
        return new ScratchFile(System.IO.Path.Combine(repository.Paths.State.Scratch, $"{kind}-{Guid.NewGuid():N}"));
    }

    public void Dispose()
    {
        foreach (var path in new[] { Path, Path + ".lock" })
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover scratch file is harmless: .nightshift/ is ignored and tmp/ holds nothing else.
            }
        }
    }
}
