Template TICKET = Template.of("{{issue}}");

String ticketText(String issue, String order, String customer) {
    return TICKET.fill(Map.of("issue", issue));
}
