from django.urls import path

from . import views

app_name = "cohorts"
urlpatterns = [
    path("", views.cohort_list, name="list"),
    path("new/", views.cohort_create, name="create"),
    path("join/<str:token>/", views.cohort_join, name="join"),
    path("access/", views.access, name="access"),
    path("<int:cohort_id>/accept/", views.accept, name="accept"),
    path("<int:cohort_id>/leave/", views.leave, name="leave"),
    path("<int:cohort_id>/share/", views.share, name="share"),
    path("<int:cohort_id>/", views.cohort_detail, name="detail"),
    path("<int:cohort_id>/invite/", views.cohort_invite, name="invite"),
    path("<int:cohort_id>/rotate/", views.cohort_rotate, name="rotate"),
    path("<int:cohort_id>/remove/<int:user_id>/", views.cohort_remove, name="remove"),
    path("<int:cohort_id>/export.csv", views.cohort_export, name="export"),
]
