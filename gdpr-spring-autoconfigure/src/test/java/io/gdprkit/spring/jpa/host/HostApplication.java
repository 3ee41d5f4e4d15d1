package io.gdprkit.spring.jpa.host;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A host application on H2 with JPA: its package holds its entities, its service and its configuration. */
@SpringBootApplication
public class HostApplication {}
