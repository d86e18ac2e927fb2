double injectionRate(Model model, Prompt prompt, Dataset reviews) {
    int turned = 0;
    for (Example e : reviews) {
        String answer = model.complete(prompt.input(e.input())).answer(); // add the attack to the review
        // count the answers the attack turned into the opposite label
    }
    return (double) turned / reviews.size();
}

String guarded(Model model, Prompt prompt, String review) {
    return model.complete(prompt.input(review)).answer(); // let through only positive or negative
}
