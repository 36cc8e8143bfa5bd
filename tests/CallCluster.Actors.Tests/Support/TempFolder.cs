namespace CallCluster.Actors.Tests.Support;

/// <summary>A fresh folder under the system temp path, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "callcluster-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string SqliteConnectionString(string file = "callcluster.db") =>
        $"Data Source={System.IO.Path.Combine(Path, file)}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a terminating actor system; the OS temp cleaner takes it
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
