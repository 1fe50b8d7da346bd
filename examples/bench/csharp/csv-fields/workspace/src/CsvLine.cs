namespace Csv;

public static class CsvLine
{
    /// <summary>
    /// The fields of one line of CSV (RFC 4180): separated by commas; a field in double quotes may hold
    /// commas, and a doubled quote ("") inside it stands for one quote. The quotes around a field are not
    /// part of its value. <c>a,"b,c","say ""hi"""</c> has the fields <c>a</c>, <c>b,c</c> and <c>say "hi"</c>.
    /// </summary>
    public static IReadOnlyList<string> Split(string line) => line.Split(',');

    /// <summary>Writes fields as one CSV line, quoting those that need it; <see cref="Split"/> reads it back.</summary>
    public static string Join(IEnumerable<string> fields) => string.Join(',', fields.Select(Quote));

    private static string Quote(string field) =>
        field.Contains(',') || field.Contains('"') ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
