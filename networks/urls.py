from django.urls import path

from networks.views import answers, catalogue, evaluations, members

app_name = "networks"

# Fixed paths come before "<slug>/"; networks may not take these words as slugs (RESERVED_SLUGS).
urlpatterns = [
    path("", catalogue.network_list, name="list"),
    path("checklist/", catalogue.checklist, name="checklist"),
    path("compare/", catalogue.network_compare, name="compare"),
    path("mine/", members.my_networks, name="mine"),
    path("suggest/", members.network_suggest, name="suggest"),
    path("priorities/", evaluations.priorities, name="priorities"),
    path("evaluations/<int:pk>/delete/", evaluations.evaluation_remove, name="evaluation_delete"),
    path("memberships/<int:pk>/delete/", members.membership_remove, name="membership_delete"),
    # The notice of an editor's answer to a network the member suggested, closed by its member.
    path("answers/dismiss/", answers.answer_dismiss, name="answer_dismiss"),
    path("<slug:slug>/", catalogue.network_detail, name="detail"),
    path("<slug:slug>/evaluate/", evaluations.network_evaluate, name="evaluate"),
    path("<slug:slug>/membership/", members.membership_edit, name="membership"),
]
