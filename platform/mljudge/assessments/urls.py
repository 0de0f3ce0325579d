from django.urls import path

from . import views

app_name = "assessments"
urlpatterns = [
    path("", views.my_assignments, name="list"),
    path("<int:assignment_id>/", views.assignment_detail, name="detail"),
    path("cohort/<int:cohort_id>/", views.cohort_assignments, name="cohort"),
    path("cohort/<int:cohort_id>/new/", views.assignment_new, name="new"),
    path("<int:assignment_id>/edit/", views.assignment_edit, name="edit"),
    path("<int:assignment_id>/gradebook/", views.gradebook, name="gradebook"),
    path("<int:assignment_id>/gradebook.csv", views.gradebook_csv, name="csv"),
    path("<int:assignment_id>/extension/", views.extension, name="extension"),
    path("<int:assignment_id>/publish/", views.publish, name="publish"),
    path("mock/", views.mock_home, name="mock_home"),
    path("mock/<int:session_id>/", views.mock_detail, name="mock"),
    path("mock/<int:session_id>/open/<int:problem_id>/", views.mock_open, name="mock_open"),
    path("mock/<int:session_id>/end/", views.mock_end, name="mock_end"),
]
