package org.tsunagu;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;

/**
 * Base of the black-box ITs: deploys the WAR that the build produced (the real artifact, not a
 * hand-picked list of classes) to Payara Micro and gives each test an anonymous and an admin client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class PortalIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("tsunagu.war")));
    }

    @ArquillianResource
    protected URL base;

    protected Api anonymous;
    protected Api admin;

    @BeforeEach
    void clients() {
        anonymous = new Api(Api.loopback(base));
        admin = anonymous.asDemo("admin");
    }
}
