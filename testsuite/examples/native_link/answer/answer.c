int answer_times(int x) { return 42 * x; }
