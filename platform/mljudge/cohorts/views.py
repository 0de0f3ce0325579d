from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mljudge.core.refusals import refusal_response
from mljudge.learning.selectors import learning_roster

from . import selectors, services
from .models import CohortRole


@require_GET
@login_required
def cohort_list(request):
    return render(request, "cohorts/list.html", {
        "instructed": selectors.cohorts_instructed_by(user=request.user),
        "memberships": selectors.memberships_of(user=request.user),
        "can_create": selectors.can_create_cohorts(user=request.user),
    })


@require_POST
@login_required
def cohort_create(request):
    try:
        cohort = services.cohort_create(instructor=request.user, name=request.POST.get("name", ""))
    except services.CohortRefused as exc:
        return refusal_response(request, exc, back=reverse("cohorts:list"))
    return redirect("cohorts:detail", cohort_id=cohort.id)


@require_GET
@login_required
def cohort_detail(request, cohort_id: int):
    cohort = selectors.cohort_for_instructor(user=request.user, cohort_id=cohort_id)
    members = selectors.cohort_members(cohort=cohort)
    return render(request, "cohorts/detail.html", {
        "cohort": cohort, "members": members, "learning_roster": learning_roster(users=members),
        "instructors": selectors.cohort_instructors(cohort=cohort),
        "invitations": selectors.cohort_invitations(cohort=cohort), "roles": CohortRole,
        "invite_url": request.build_absolute_uri(f"/cohorts/join/{cohort.invite_token}/"),
    })


@require_POST
@login_required
def cohort_invite(request, cohort_id: int):
    names = request.POST.get("usernames", "").replace(",", " ").split()[:500]
    result = services.cohort_invite_usernames(instructor=request.user, cohort_id=cohort_id, usernames=names)
    if result.invited:
        messages.success(request, f"Invited: {', '.join(result.invited)}. You will see their submissions once "
                                  "they accept.")
    if result.already:
        messages.info(request, f"Already in the cohort: {', '.join(result.already)}")
    if result.unknown:
        messages.error(request, f"No such user: {', '.join(result.unknown)}")
    return redirect("cohorts:detail", cohort_id=cohort_id)


@require_POST
@login_required
def cohort_rotate(request, cohort_id: int):
    services.cohort_rotate_token(instructor=request.user, cohort_id=cohort_id)
    messages.success(request, "A new invite link was made; the old one no longer works.")
    return redirect("cohorts:detail", cohort_id=cohort_id)


@require_POST
@login_required
def cohort_remove(request, cohort_id: int, user_id: int):
    services.cohort_remove_member(instructor=request.user, cohort_id=cohort_id, user_id=user_id)
    return redirect("cohorts:detail", cohort_id=cohort_id)


@require_http_methods(["GET", "POST"])
@login_required
def cohort_join(request, token: str):
    cohort = selectors.cohort_by_token(token=token[:100])
    if request.method == "POST":
        services.cohort_join(user=request.user, token=token, share_past=_share_past(request))
        messages.success(request, f"You joined {cohort.name}. Its instructors can now see your submissions.")
        return redirect("cohorts:access")
    return render(request, "cohorts/join.html", {"cohort": cohort})


@require_GET
@login_required
def cohort_export(request, cohort_id: int):
    cohort = selectors.cohort_for_instructor(user=request.user, cohort_id=cohort_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cohort-{cohort.id}-best-scores.csv"'
    services.cohort_export_csv(instructor=request.user, cohort_id=cohort.id, out=response)
    return response


def _share_past(request) -> bool:
    return request.POST.get("share_past") == "1"


@require_GET
@login_required
def access(request):
    """Who can see my code: invitations to answer, cohorts (leave, share earlier work) and the access log."""
    return render(request, "cohorts/access.html", {"access": selectors.my_code_access(user=request.user),
                                                   "roles": CohortRole})


@require_POST
@login_required
def accept(request, cohort_id: int):
    services.invitation_accept(user=request.user, cohort_id=cohort_id, share_past=_share_past(request))
    messages.success(request, "Invitation accepted. The cohort's instructors can now see your submissions.")
    return redirect("cohorts:access")


@require_POST
@login_required
def leave(request, cohort_id: int):
    """Leaves a cohort, or declines an invitation to it."""
    try:
        services.membership_leave(user=request.user, cohort_id=cohort_id)
    except services.CohortRefused as exc:
        return refusal_response(request, exc, back=reverse("cohorts:access"))
    messages.success(request, "Done: that cohort's instructors no longer see your submissions.")
    return redirect("cohorts:access")


@require_POST
@login_required
def share(request, cohort_id: int):
    services.membership_share_past_set(user=request.user, cohort_id=cohort_id, share_past=_share_past(request))
    return redirect("cohorts:access")
