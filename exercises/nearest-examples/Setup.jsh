List<String> checkDepartments = Datasets.labels("department");
List<String> checkCodes = List.of("zorp", "blick", "fram", "quell");
Example checkCoded(Example e) {
    return e.withLabel(checkCodes.get(checkDepartments.indexOf(e.label())));
}
Dataset checkPool = Datasets.task("department", 120, 7).map(e -> checkCoded(e));
Dataset checkTickets = Datasets.task("department", 20, 70).map(e -> checkCoded(e));
Model checkTiny = Models.tiny();
double checkAccuracy(java.util.function.Function<String, Dataset> examplesFor) {
    long right = checkTickets.stream()
            .filter(t -> checkTiny.complete(Prompt.empty().examples(examplesFor.apply(t.input())).input(t.input()))
                    .answer().equals(t.label()))
            .count();
    return right / (double) checkTickets.size();
}
