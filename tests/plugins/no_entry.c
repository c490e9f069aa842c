/* A module without the entry point. */
int eduplan_something_else(void) { return 42; }
