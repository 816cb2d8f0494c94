package org.stslens.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.stslens.engine.net.PortMap;

class LabPortsTest {

  private static final IssuedCertificate CERT =
      CertificateAuthority.create("Lab ports test CA").issue("mx.example.com");

  @Test
  void routesStandardPortsOfEachLoopbackAddressToItsServer() throws IOException {
    InetAddress policyHost = InetAddress.getByName("127.0.0.2");
    InetAddress mxHost = InetAddress.getByName("127.0.0.3");
    try (LabHttpsServer https = LabHttpsServer.builder(CERT).bind(policyHost).start();
        LabSmtpServer smtp = LabSmtpServer.builder(CERT).bind(mxHost).start();
        LabSmtpServer otherSmtp = LabSmtpServer.builder(CERT).bind(policyHost).start()) {
      PortMap ports = LabPorts.portMap(https, smtp, otherSmtp);

      assertThat(ports.route(policyHost, 443)).isEqualTo(https.address());
      assertThat(ports.route(mxHost, 25)).isEqualTo(smtp.address());
      assertThat(ports.route(policyHost, 25)).isEqualTo(otherSmtp.address());
      assertThat(ports.route(mxHost, 443)).isEqualTo(new InetSocketAddress(mxHost, 443));
    }
  }

  @Test
  void refusesTwoServersForOneEndpoint() {
    try (LabSmtpServer a = LabSmtpServer.builder(CERT).start();
        LabSmtpServer b = LabSmtpServer.builder(CERT).start()) {
      assertThatThrownBy(() -> LabPorts.portMap(a, b)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
