using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace VoiceAgent.TwilioApiStandIn.Rest;

/// <summary>
/// The 2010-04-01 list envelope: one page of records under <c>recordsKey</c> (<c>messages</c>, <c>calls</c>) with
/// <c>page</c>, <c>page_size</c>, <c>start</c>, <c>end</c>, <c>uri</c>, <c>first_page_uri</c>, <c>next_page_uri</c> and
/// <c>previous_page_uri</c>. The page URIs repeat the request's filters, so the SDK's paging reads the same list.
/// </summary>
internal static class ListPage
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public static IResult Create<T>(HttpRequest request, string recordsKey, IReadOnlyList<T> records)
    {
        var pageSize = Number(request.Query["PageSize"], DefaultPageSize, 1, MaxPageSize);
        var page = Number(request.Query["Page"], 0, 0, int.MaxValue);
        var start = (long)page * pageSize;
        var slice = records.Skip((int)Math.Min(start, int.MaxValue)).Take(pageSize).ToList();
        var hasNext = start + pageSize < records.Count;
        var body = new Dictionary<string, object?>
        {
            ["end"] = start + Math.Max(slice.Count - 1, 0),
            ["first_page_uri"] = PageUri(request, pageSize, 0),
            [recordsKey] = slice,
            ["next_page_uri"] = hasNext ? PageUri(request, pageSize, page + 1) : null,
            ["page"] = page,
            ["page_size"] = pageSize,
            ["previous_page_uri"] = page > 0 ? PageUri(request, pageSize, page - 1) : null,
            ["start"] = start,
            ["uri"] = PageUri(request, pageSize, page),
        };
        return TypedResults.Json(body, TwilioJson.Options);
    }

    private static string PageUri(HttpRequest request, int pageSize, int page)
    {
        var filters = request.Query
            .Where(q => q.Key is not ("Page" or "PageSize" or "PageToken"))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"));
        var query = string.Join('&', filters.Append($"PageSize={pageSize}").Append($"Page={page}"));
        return $"{request.Path}?{query}";
    }

    private static int Number(string? raw, int fallback, int min, int max) =>
        int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? Math.Clamp(value, min, max) : fallback;
}
