from django.urls import path

from . import views

app_name = "api"
urlpatterns = [
    path("", views.tokens, name="tokens"),
    path("<int:token_id>/revoke/", views.revoke, name="revoke"),
]
