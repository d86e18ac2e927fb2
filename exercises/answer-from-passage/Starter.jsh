String orderNumber(Search search, Model model, String question) {
    // the model alone has never seen the store's orders
    return model.complete(Prompt.of(Datasets.instruction("order")).input(question)).answer();
}
