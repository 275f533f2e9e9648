package org.tsunagu;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API, versioned in the path so that v1 clients keep working when v2 arrives. */
@ApplicationPath("api/v1")
@DeclareRoles({"partner", "staff", "core", "admin"})
@OpenAPIDefinition(info = @Info(title = "Tsunagu API", version = "1",
        description = "地域包括支援センター portal: resources, centers, watch alerts"))
public class TsunaguApplication extends Application {
}
