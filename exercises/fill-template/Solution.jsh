Template TICKET = Template.of("Hi, {{issue}} order {{order}}. No rush. - {{customer}}");

String ticketText(String issue, String order, String customer) {
    return TICKET.fill(Map.of("issue", issue, "order", order, "customer", customer));
}
