package org.delib.deliberation;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:restart;DB_CLOSE_DELAY=-1")
class H2RestartTest extends RestartTestBase {
}
