package org.delib;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring context of a run: job repository, job definitions and steps. Started by {@link org.delib.cli.Main}. */
@SpringBootApplication
public class DelibApplication {
}
