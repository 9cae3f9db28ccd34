package org.delib.deliberation;

/** Holds the job-scoped {@link RunContext}: a record cannot be proxied by the job scope itself. */
public class RunContextHolder {

    private final RunContext run;

    public RunContextHolder(RunContext run) {
        this.run = run;
    }

    public RunContext get() {
        return run;
    }
}
