package org.openmrs.module.webhooks.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.webhooks.delivery.FailureKind;
import org.openmrs.module.webhooks.delivery.TransportResult;
import org.openmrs.module.webhooks.testsupport.Receiver;

/** The transport against a real HTTPS receiver with a self-signed certificate for 127.0.0.1 (made by keytool). */
class HttpTransportTlsTest {

	private static final char[] PASSWORD = "changeit".toCharArray();

	@TempDir
	static Path dir;

	private static Receiver receiver;

	private static SSLContext trustingTestCertificate;

	@BeforeAll
	static void startHttpsReceiver() throws Exception {
		Path keystore = dir.resolve("receiver.p12");
		Process keytool = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(),
		        "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
		        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
		        "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keystore)) {
			keys.load(in, PASSWORD);
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, PASSWORD);
		SSLContext serverContext = SSLContext.getInstance("TLS");
		serverContext.init(keyManagers.getKeyManagers(), null, null);

		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("receiver", keys.getCertificate("receiver"));
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		trustingTestCertificate = SSLContext.getInstance("TLS");
		trustingTestCertificate.init(null, trustManagers.getTrustManagers(), null);

		receiver = Receiver.startHttps(serverContext);
		receiver.respond(r -> Receiver.Response.ok().body("secure"));
	}

	@AfterAll
	static void stop() {
		receiver.close();
	}

	@Test
	void send_shouldReportTls_whenCertificateIsNotTrusted() {
		// given the JVM's default trust, which does not know the test certificate
		try (HttpTransport transport = HttpTransport.builder(() -> EgressPolicy.parse(false, "127.0.0.1/32", ""), "1.0.0")
		        .build()) {

			// when
			TransportResult result = transport.send(HttpTransportTest.post(url()));

			// then
			assertThat(result.getFailure()).isEqualTo(FailureKind.TLS);
			assertThat(result.getError()).startsWith("TLS handshake with 127.0.0.1:" + receiver.port() + " failed: ");
			assertThat(result.getStatusCode()).isNull();
		}
	}

	@Test
	void send_shouldPostOverHttps_whenCertificateIsTrusted() {
		// given
		try (HttpTransport transport = HttpTransport.builder(() -> EgressPolicy.parse(false, "127.0.0.1/32", ""), "1.0.0")
		        .tlsStrategy(new DefaultClientTlsStrategy(trustingTestCertificate)).build()) {

			// when
			TransportResult result = transport.send(HttpTransportTest.post(url()));

			// then
			assertThat(result.isSuccess()).isTrue();
			assertThat(result.getResponseExcerpt()).isEqualTo("secure");
		}
	}

	@Test
	void send_shouldRefuseLoopbackOverHttps_beforeAnyHandshake() {
		// given
		long before = receiver.count();
		try (HttpTransport transport = HttpTransport.builder(() -> EgressPolicy.DEFAULT, "1.0.0")
		        .tlsStrategy(new DefaultClientTlsStrategy(trustingTestCertificate)).build()) {

			// when
			TransportResult result = transport.send(HttpTransportTest.post(url()));

			// then
			assertThat(result.getFailure()).isEqualTo(FailureKind.EGRESS_REFUSED);
			assertThat(receiver.count()).isEqualTo(before);
		}
	}

	private static URI url() {
		return URI.create(receiver.url("/hook"));
	}
}
