using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace VoiceAgent.LocalFunctionsHost.Tests.Routing;

/// <summary>One HTTP function's route as the Functions host serves it: an ASP.NET Core route template and its methods.</summary>
public sealed class FunctionRoute
{
    private readonly TemplateMatcher _matcher;

    /// <param name="methods">Empty: every method (an <c>httpTrigger</c> without <c>methods</c>).</param>
    public FunctionRoute(string function, string template, IReadOnlyList<string> methods)
    {
        Function = function;
        Template = template;
        Methods = methods;
        _matcher = new TemplateMatcher(new RouteTemplate(RoutePatternFactory.Parse(template)), new RouteValueDictionary());
    }

    public string Function { get; }

    public string Template { get; }

    public IReadOnlyList<string> Methods { get; }

    /// <summary>Whether a request with <paramref name="method"/> (any case) for <paramref name="path"/> reaches this function.</summary>
    public bool Matches(string method, string path) =>
        (Methods.Count == 0 || Methods.Contains(method, StringComparer.OrdinalIgnoreCase)) && _matcher.TryMatch(path, new RouteValueDictionary());

    public override string ToString() => $"{string.Join('|', Methods)} {Template} ({Function})";
}
