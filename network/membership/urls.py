from django.urls import path

from . import views

app_name = "membership"

urlpatterns = [
    path("natverket/ansok/", views.apply, name="apply"),
    path("natverket/ansok/skickad/", views.apply_sent, name="apply_sent"),
    path("natverket/ansok/bekrafta/<str:token>/", views.verify, name="verify"),
    path("natverket/logga-in/", views.login_request, name="login"),
    path("natverket/logga-in/skickad/", views.login_sent, name="login_sent"),
    path("natverket/logga-in/lank/<str:token>/", views.login_token, name="login_token"),
    path("natverket/logga-ut/", views.logout_view, name="logout"),
    path("natverket/utloggad/", views.logged_out, name="logged_out"),
    path("natverket/mitt-medlemskap/", views.profile, name="profile"),
    path("natverket/mitt-medlemskap/mina-uppgifter.json", views.export_data, name="export"),
    path("natverket/mitt-medlemskap/lamna/", views.leave, name="leave"),
    path("natverket/mitt-medlemskap/lamnat/", views.left, name="left"),
    path("natverket/avregistrera/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
