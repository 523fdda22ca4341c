using Microsoft.AspNetCore.Http;

namespace VoiceAgent.Core.Staff;

/// <summary>The outcome of a staff request's sign-in check: the principal, or the answer to give instead.</summary>
public sealed record StaffAccess(StaffPrincipal? Principal, IResult? Refusal)
{
    /// <summary>A new refusal each time: a problem result carries a mutable ProblemDetails the response pipeline may extend.</summary>
    public static StaffAccess Unauthenticated => new(null, Results.Problem(
        title: "Authentication required",
        detail: "Sign in as staff (Entra ID), or locally send Authorization: Bearer <your tenant's dev token>.",
        statusCode: StatusCodes.Status401Unauthorized));

    public bool IsGranted => Refusal is null;

    public static StaffAccess Granted(StaffPrincipal principal) => new(principal, null);

    public static StaffAccess Forbidden(StaffPrincipal principal) => new(principal, Results.Problem(
        title: "Forbidden",
        detail: "This sign-in belongs to another tenant.",
        statusCode: StatusCodes.Status403Forbidden));
}
