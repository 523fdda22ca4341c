using System.Xml.Linq;

namespace VoiceAgent.Conformance.Tests.Infrastructure;

/// <summary>
/// Compares two XML documents as XML: element names, attributes as a set, direct text, and child elements in order.
/// Declarations, attribute order, quoting and escaping style do not matter.
/// </summary>
internal static class XmlEquivalence
{
    /// <summary>A description of the first difference, or <c>null</c> if the documents are equivalent.</summary>
    public static string? FirstDifference(string expectedXml, string actualXml) =>
        FirstDifference(XDocument.Parse(expectedXml).Root!, XDocument.Parse(actualXml).Root!, string.Empty);

    private static string? FirstDifference(XElement expected, XElement actual, string parentPath)
    {
        var path = $"{parentPath}/{expected.Name}";
        if (expected.Name != actual.Name)
        {
            return $"{parentPath}: expected <{expected.Name}>, got <{actual.Name}>";
        }

        var expectedAttributes = Attributes(expected);
        var actualAttributes = Attributes(actual);
        if (!expectedAttributes.SetEquals(actualAttributes))
        {
            return $"{path}: expected attributes [{string.Join(", ", expectedAttributes.Order())}], got [{string.Join(", ", actualAttributes.Order())}]";
        }

        var expectedText = Text(expected);
        var actualText = Text(actual);
        if (!string.Equals(expectedText, actualText, StringComparison.Ordinal))
        {
            return $"{path}: expected text \"{expectedText}\", got \"{actualText}\"";
        }

        var expectedChildren = expected.Elements().ToList();
        var actualChildren = actual.Elements().ToList();
        if (expectedChildren.Count != actualChildren.Count)
        {
            return $"{path}: expected {expectedChildren.Count} child elements ({Names(expectedChildren)}), got {actualChildren.Count} ({Names(actualChildren)})";
        }

        return expectedChildren.Zip(actualChildren)
            .Select(pair => FirstDifference(pair.First, pair.Second, path))
            .FirstOrDefault(difference => difference is not null);
    }

    private static HashSet<string> Attributes(XElement element) =>
        element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => $"{a.Name}=\"{a.Value}\"").ToHashSet(StringComparer.Ordinal);

    private static string Text(XElement element) => string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value));

    private static string Names(IEnumerable<XElement> elements) => string.Join(", ", elements.Select(e => e.Name.LocalName));
}
