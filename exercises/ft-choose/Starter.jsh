String choose(Situation s) {
    return "fine-tune";
}
