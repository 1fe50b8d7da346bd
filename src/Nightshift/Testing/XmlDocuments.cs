using System.Xml;
using System.Xml.Linq;

namespace Nightshift.Testing;

/// <summary>Loads results XML with errors that name the format.</summary>
internal static class XmlDocuments
{
    public static XDocument Load(string text, string format)
    {
        try
        {
            // Loggers write a byte-order mark; read from a string it is a character.
            return XDocument.Parse(text.TrimStart('\uFEFF'));
        }
        catch (XmlException e)
        {
            throw new TestResultsFormatException(
                $"The {format} results are not valid XML ({e.Message}); check that the configured results file is the one the test command writes.", e);
        }
    }
}
