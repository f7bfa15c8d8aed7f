package org.openmrs.module.webhooks.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.delivery.FailureKind;
import org.openmrs.module.webhooks.delivery.OutboundRequest;
import org.openmrs.module.webhooks.delivery.TransportResult;
import org.openmrs.module.webhooks.testsupport.Receiver;
import org.openmrs.module.webhooks.testsupport.Receiver.Response;

/** The transport against real HTTP receivers on 127.0.0.1; the test policy allows 127.0.0.1/32 explicitly. */
class HttpTransportTest {

	private static final EgressPolicy ALLOW_LOCAL = EgressPolicy.parse(true, "127.0.0.1/32", "");

	private static final String PAYLOAD = "{\"id\":\"evt_1\",\"type\":\"encounter.created\"}";

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable closeable : closeables) {
			closeable.close();
		}
	}

	@Test
	void send_shouldReturnStatusAndExcerpt_whenReceiverAnswers200() throws Exception {
		// given
		Receiver receiver = receiver(r -> Response.ok().body("{\"work_order_id\":\"wo-1\"}"));
		HttpTransport transport = transport(ALLOW_LOCAL);

		// when
		TransportResult result = transport.send(post(receiver.url("/i/trigger")));

		// then
		assertThat(result.isSuccess()).isTrue();
		assertThat(result.getStatusCode()).isEqualTo(200);
		assertThat(result.getFailure()).isEqualTo(FailureKind.NONE);
		assertThat(result.getError()).isNull();
		assertThat(result.getResponseExcerpt()).isEqualTo("{\"work_order_id\":\"wo-1\"}");
		assertThat(result.getRetryAfterSeconds()).isNull();
		assertThat(receiver.requests()).singleElement().satisfies(r -> {
			assertThat(r.method()).isEqualTo("POST");
			assertThat(r.path()).isEqualTo("/i/trigger");
			assertThat(r.body()).isEqualTo(PAYLOAD);
		});
	}

	@Test
	void send_shouldGiveNullExcerpt_whenResponseHasNoBody() throws Exception {
		// given
		Receiver receiver = receiver(r -> Response.status(204).noBody());

		// when
		TransportResult result = transport(ALLOW_LOCAL).send(post(receiver.url("/")));

		// then
		assertThat(result.getStatusCode()).isEqualTo(204);
		assertThat(result.isSuccess()).isTrue();
		assertThat(result.getResponseExcerpt()).isNull();
	}

	@Test
	void send_shouldReturnRedirectWithoutFollowingIt() throws Exception {
		// given a receiver redirecting to a second one
		Receiver elsewhere = receiver(r -> Response.ok().body("should never be reached"));
		Receiver receiver = receiver(
		    r -> Response.status(302).header("Location", elsewhere.url("/target")).body("moved"));

		// when
		TransportResult result = transport(ALLOW_LOCAL).send(post(receiver.url("/")));

		// then
		assertThat(result.getStatusCode()).isEqualTo(302);
		assertThat(result.isSuccess()).isFalse();
		assertThat(result.getFailure()).isEqualTo(FailureKind.NONE);
		assertThat(elsewhere.count()).isZero();
	}

	@Test
	void send_shouldReturn410AsIs() throws Exception {
		// given
		Receiver receiver = receiver(r -> Response.status(410).body("gone"));

		// when
		TransportResult result = transport(ALLOW_LOCAL).send(post(receiver.url("/")));

		// then
		assertThat(result.getStatusCode()).isEqualTo(410);
		assertThat(result.isSuccess()).isFalse();
		assertThat(result.getResponseExcerpt()).isEqualTo("gone");
	}

	@Test
	void send_shouldParseRetryAfterSeconds_whenReceiverAnswers429() throws Exception {
		// given
		Receiver receiver = receiver(r -> Response.status(429).header("Retry-After", "7").body("slow down"));

		// when
		TransportResult result = transport(ALLOW_LOCAL).send(post(receiver.url("/")));

		// then
		assertThat(result.getStatusCode()).isEqualTo(429);
		assertThat(result.getRetryAfterSeconds()).isEqualTo(7L);
	}

	@Test
	void send_shouldParseRetryAfterHttpDate_relativeToTheClock() throws Exception {
		// given a clock at 09:00:00 and a receiver asking for 09:02:00
		Clock clock = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
		Receiver receiver = receiver(
		    r -> Response.status(503).header("Retry-After", "Fri, 27 Nov 2026 09:02:00 GMT").noBody());
		HttpTransport transport = track(HttpTransport.builder(() -> ALLOW_LOCAL, "1.0.0").clock(clock).build());

		// when
		TransportResult result = transport.send(post(receiver.url("/")));

		// then
		assertThat(result.getStatusCode()).isEqualTo(503);
		assertThat(result.getRetryAfterSeconds()).isEqualTo(120L);
	}

	@Test
	void send_shouldReportEachAnswer_whenReceiverFailsThenRecovers() throws Exception {
		// given
		Receiver receiver = receiver(r -> Response.status(r.seq() == 1 ? 500 : 200).body("#" + r.seq()));
		HttpTransport transport = transport(ALLOW_LOCAL);

		// when
		TransportResult first = transport.send(post(receiver.url("/")));
		TransportResult second = transport.send(post(receiver.url("/")));

		// then
		assertThat(first.getStatusCode()).isEqualTo(500);
		assertThat(first.isSuccess()).isFalse();
		assertThat(second.getStatusCode()).isEqualTo(200);
		assertThat(second.getResponseExcerpt()).isEqualTo("#2");
		assertThat(receiver.count()).isEqualTo(2);
	}

	@Test
	void send_shouldTimeOut_whenReceiverAnswersTooLate() throws Exception {
		// given a receiver that takes 10 s and a 1 s timeout
		Receiver receiver = receiver(r -> Response.ok().body("late").delay(Duration.ofSeconds(10)));

		// when
		TransportResult result = transport(ALLOW_LOCAL).send(post(receiver.url("/"), 1));

		// then
		assertThat(result.getFailure()).isEqualTo(FailureKind.TIMEOUT);
		assertThat(result.getStatusCode()).isNull();
		// which of the read timeout and the whole-send deadline expires first depends on the machine's load
		assertThat(result.getError()).isIn("no response within 1 s", "no complete response within 1 s");
		assertThat(result.getDurationMillis()).isBetween(900L, 4_000L);
	}

	@Test
	void send_shouldStopAtTheDeadline_whenBodyDripsSlowly() throws Exception {
		// given headers at once, then one byte every 200 ms for 20 s
		Receiver receiver = receiver(r -> Response.ok().stream(out -> {
			for (int i = 0; i < 100; i++) {
				out.write('x');
				out.flush();
				Thread.sleep(200);
			}
		}));

		// when
		TransportResult result = transport(ALLOW_LOCAL).send(post(receiver.url("/"), 1));

		// then the status stands (the receiver has decided) and the send took about the timeout
		assertThat(result.getStatusCode()).isEqualTo(200);
		assertThat(result.getDurationMillis()).isBetween(900L, 4_000L);
		assertThat(result.getResponseExcerpt()).matches("x{1,10}");
	}

	@Test
	void send_shouldCapTheExcerptQuickly_whenResponseIsHuge() throws Exception {
		// given a receiver streaming 50 MB, chunked, so there is no declared length to go by
		long fiftyMegabytes = 50L * 1024 * 1024;
		AtomicLong written = new AtomicLong();
		CountDownLatch receiverDone = new CountDownLatch(1);
		Receiver huge = receiver(r -> Response.ok().stream(out -> {
			try {
				byte[] chunk = "b".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
				while (written.get() < fiftyMegabytes) {
					out.write(chunk);
					written.addAndGet(chunk.length);
				}
			}
			finally {
				receiverDone.countDown();
			}
		}));
		HttpTransport transport = transport(ALLOW_LOCAL);
		Receiver small = receiver(r -> Response.ok().body("ok"));
		transport.send(post(small.url("/"))); // class loading out of the allocation measurement
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

		// when
		TransportResult result = transport.send(post(huge.url("/")));

		// then
		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		assertThat(result.getStatusCode()).isEqualTo(200);
		assertThat(result.getResponseExcerpt()).hasSize(BodyCapture.EXCERPT_BYTES).matches("b+");
		assertThat(result.getDurationMillis()).isLessThan(5_000L);
		assertThat(allocated).as("bytes allocated by the send").isLessThan(8L * 1024 * 1024);
		assertThat(receiverDone.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(written.get()).as("bytes the receiver got rid of before the client hung up")
		        .isLessThan(fiftyMegabytes);
	}

	@Test
	void send_shouldReportConnect_whenConnectionIsRefused() throws Exception {
		// given a port nobody listens on
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			port = socket.getLocalPort();
		}

		// when
		TransportResult result = transport(ALLOW_LOCAL).send(post(URI.create("http://127.0.0.1:" + port + "/")));

		// then
		assertThat(result.getFailure()).isEqualTo(FailureKind.CONNECT);
		assertThat(result.getStatusCode()).isNull();
		assertThat(result.getError()).contains("127.0.0.1:" + port);
	}

	@Test
	void send_shouldTimeOut_whenConnectHangs() throws Exception {
		// given a listener whose accept queue is full, so the kernel drops further SYNs and connect hangs
		ServerSocket listener = track(new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")));
		for (int i = 0; i < 4; i++) {
			java.net.Socket filler = new java.net.Socket();
			closeables.add(filler);
			try {
				filler.connect(listener.getLocalSocketAddress(), 200);
			}
			catch (java.io.IOException e) {
				// the queue is already full: that is the point
			}
		}

		// when
		TransportResult result = transport(ALLOW_LOCAL)
		        .send(post(URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/"), 1));

		// then
		assertThat(result.getFailure()).isEqualTo(FailureKind.TIMEOUT);
		assertThat(result.getError()).isIn("connect to 127.0.0.1:" + listener.getLocalPort() + " timed out after 1 s",
		    "no complete response within 1 s");
		assertThat(result.getDurationMillis()).isBetween(900L, 4_000L);
	}

	@Test
	void send_shouldTimeOut_andNotConnectLate_whenResolvingOutlastsTheTimeout() throws Exception {
		// given a resolver answering after 2 s, a 1 s timeout, and a plain listener that would queue any connection
		ServerSocket listener = track(new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1")));
		DnsResolver slow = new FixedResolver(host -> {
			try {
				Thread.sleep(2_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return new InetAddress[] { InetAddress.getByName("127.0.0.1") };
		});
		HttpTransport transport = track(HttpTransport.builder(() -> ALLOW_LOCAL, "1.0.0").dnsResolver(slow).build());

		// when
		TransportResult result = transport.send(post(URI.create("http://slow-dns.test:" + listener.getLocalPort() + "/"), 1));

		// then
		assertThat(result.getFailure()).isEqualTo(FailureKind.TIMEOUT);
		assertThat(result.getError()).isEqualTo("no complete response within 1 s");
		listener.setSoTimeout(300);
		assertThatThrownBy(listener::accept).as("a connection made after the deadline")
		        .isInstanceOf(java.net.SocketTimeoutException.class);
	}

	@Test
	void send_shouldReportConnect_whenHostDoesNotResolve() throws Exception {
		// when
		TransportResult result = transport(ALLOW_LOCAL).send(post(URI.create("https://unknown.test/hook")));

		// then
		assertThat(result.getFailure()).isEqualTo(FailureKind.CONNECT);
		assertThat(result.getError()).isEqualTo("could not resolve host unknown.test");
	}

	@Test
	void send_shouldRefuseLoopback_whenNoCidrAllowsIt() throws Exception {
		// given
		Receiver receiver = receiver(r -> Response.ok().body("ok"));
		HttpTransport transport = transport(EgressPolicy.parse(true, "", ""));

		// when
		TransportResult result = transport.send(post(receiver.url("/")));

		// then
		assertThat(result.getFailure()).isEqualTo(FailureKind.EGRESS_REFUSED);
		assertThat(result.getError()).isEqualTo(
		    "egress refused: 127.0.0.1 is loopback; allow it in webhooks.egress.allowedCidrs");
		assertThat(receiver.count()).isZero();
		assertThat(connections(receiver)).isZero();
	}

	@Test
	void send_shouldRefuseLoopback_writtenInOddForms() throws Exception {
		// given forms that mean 127.0.0.1, which a check on the URL text would miss
		Receiver receiver = receiver(r -> Response.ok().body("ok"));
		HttpTransport transport = transport(EgressPolicy.parse(true, "", ""));

		for (String host : List.of("[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:127.0.0.1]")) {
			// when
			TransportResult result = transport.send(post(URI.create("http://" + host + ":" + receiver.port() + "/")));

			// then
			assertThat(result.getFailure()).as(host).isEqualTo(FailureKind.EGRESS_REFUSED);
			assertThat(result.getError()).as(host).contains("127.0.0.1 is loopback");
		}
		// the JDK reads both as 127.0.0.1; java.net.URI finds no host in the second
		for (String host : List.of("2130706433", "127.1")) {
			TransportResult result = transport.send(post(URI.create("http://" + host + ":" + receiver.port() + "/")));
			assertThat(result.getFailure()).as(host).isIn(FailureKind.EGRESS_REFUSED, FailureKind.INVALID_URL);
		}
		assertThat(receiver.count()).isZero();
	}

	@Test
	void send_shouldRefuseLoopback_whenItIsAllowedAndDenied() throws Exception {
		// given
		Receiver receiver = receiver(r -> Response.ok().body("ok"));
		HttpTransport transport = transport(EgressPolicy.parse(true, "127.0.0.0/8", "127.0.0.1"));

		// when
		TransportResult result = transport.send(post(receiver.url("/")));

		// then
		assertThat(result.getFailure()).isEqualTo(FailureKind.EGRESS_REFUSED);
		assertThat(result.getError()).contains("denied CIDR 127.0.0.1/32");
		assertThat(receiver.count()).isZero();
	}

	@Test
	void send_shouldRefuse_whenHostNameResolvesToMetadataAddress() throws Exception {
		// given a name that resolves (through the test resolver) to the metadata address, with everything allowed
		HttpTransport transport = transport(EgressPolicy.parse(true, "0.0.0.0/0,::/0", ""));

		// when
		TransportResult result = transport.send(post(URI.create("http://metadata.test/latest/meta-data/"), 2));

		// then
		assertThat(result.getFailure()).isEqualTo(FailureKind.EGRESS_REFUSED);
		assertThat(result.getError()).isEqualTo("egress refused: 169.254.169.254 is a cloud metadata address");
		assertThat(result.getDurationMillis()).isLessThan(2_000L);
	}

	@Test
	void send_shouldRefuse_whenHostNameResolvesToLoopbackLater() throws Exception {
		// given a name first resolving to an allowed receiver, then rebinding to a refused address
		Receiver receiver = receiver(r -> Response.ok().body("ok"));
		AtomicReference<String> answer = new AtomicReference<>("127.0.0.1");
		DnsResolver rebinding = new FixedResolver(host -> host.equals("rebind.test")
		        ? new InetAddress[] { InetAddress.getByName(answer.get()) }
		        : SystemDefaultDnsResolver.INSTANCE.resolve(host));
		HttpTransport transport = track(HttpTransport.builder(() -> ALLOW_LOCAL, "1.0.0").dnsResolver(rebinding).build());
		URI url = URI.create("http://rebind.test:" + receiver.port() + "/");
		assertThat(transport.send(post(url)).getStatusCode()).isEqualTo(200);
		transport.close(); // a fresh pool, so the next send must resolve and connect again
		HttpTransport fresh = track(HttpTransport.builder(() -> ALLOW_LOCAL, "1.0.0").dnsResolver(rebinding).build());
		answer.set("127.0.0.2");

		// when
		TransportResult result = fresh.send(post(url));

		// then
		assertThat(result.getFailure()).isEqualTo(FailureKind.EGRESS_REFUSED);
		assertThat(result.getError()).contains("127.0.0.2 is loopback");
		assertThat(receiver.count()).isEqualTo(1);
	}

	@Test
	void send_shouldRefuseMetadataAddress_inEveryLiteralEncoding() throws Exception {
		// given everything allowed that can be
		HttpTransport transport = transport(EgressPolicy.parse(true, "0.0.0.0/0,::/0", ""));

		// when / then
		for (String url : List.of("http://169.254.169.254/", "http://[::ffff:169.254.169.254]/",
		    "http://[::ffff:a9fe:a9fe]/", "http://[64:ff9b::169.254.169.254]/", "http://[2002:a9fe:a9fe::1]/",
		    "http://[fd00:ec2::254]/", "http://100.100.100.200/", "http://[fe80::1]/", "http://0.0.0.0/",
		    "http://[::]/")) {
			TransportResult result = transport.send(post(URI.create(url), 2));
			assertThat(result.getFailure()).as(url).isEqualTo(FailureKind.EGRESS_REFUSED);
			assertThat(result.getError()).as(url).startsWith("egress refused: ");
		}
	}

	@Test
	void send_shouldRefuseIpv6Loopback_whenNotAllowed() throws Exception {
		// when
		TransportResult result = transport(EgressPolicy.parse(true, "", "")).send(post(URI.create("http://[::1]:9/")));

		// then
		assertThat(result.getFailure()).isEqualTo(FailureKind.EGRESS_REFUSED);
		assertThat(result.getError()).contains("is loopback");
	}

	@Test
	void send_shouldRefusePlainHttp_unlessAllowed() throws Exception {
		// given
		Receiver receiver = receiver(r -> Response.ok().body("ok"));
		HttpTransport transport = transport(EgressPolicy.parse(false, "127.0.0.1/32", ""));

		// when
		TransportResult result = transport.send(post(receiver.url("/")));

		// then
		assertThat(result.getFailure()).isEqualTo(FailureKind.EGRESS_REFUSED);
		assertThat(result.getError()).isEqualTo(
		    "egress refused: plain http:// is not allowed; use https:// or set webhooks.egress.allowHttp to true");
		assertThat(receiver.count()).isZero();
	}

	@Test
	void send_shouldReportInvalidUrl_withoutRepeatingIt() throws Exception {
		// given
		HttpTransport transport = transport(ALLOW_LOCAL);

		// when
		TransportResult ftp = transport.send(post(URI.create("ftp://example.org/x")));
		TransportResult credentials = transport.send(post(URI.create("https://user:s3cretpass@example.org/x")));
		TransportResult relative = transport.send(post(URI.create("/just/a/path")));

		// then
		assertThat(ftp.getFailure()).isEqualTo(FailureKind.INVALID_URL);
		assertThat(ftp.getError()).isEqualTo("unsupported URL scheme 'ftp'; use https://");
		assertThat(credentials.getFailure()).isEqualTo(FailureKind.INVALID_URL);
		assertThat(credentials.getError()).doesNotContain("s3cretpass").doesNotContain("user");
		assertThat(relative.getFailure()).isEqualTo(FailureKind.INVALID_URL);
	}

	@Test
	void send_shouldSendHeadersExactly() throws Exception {
		// given
		Receiver receiver = receiver(r -> Response.ok().body("ok"));
		OutboundRequest request = OutboundRequest.builder(URI.create(receiver.url("/hook")))
		        .header("webhook-id", "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W")
		        .header("webhook-timestamp", "1674087231")
		        .header("webhook-signature", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4= v1,abc")
		        .header("x-api-key", "key-123456789").header("X-Custom", "a value, with commas")
		        .header("Content-Type", "text/plain").header("User-Agent", "spoofed")
		        .body(PAYLOAD.getBytes(StandardCharsets.UTF_8)).build();

		// when
		TransportResult result = transport(ALLOW_LOCAL).send(request);

		// then
		assertThat(result.isSuccess()).isTrue();
		Receiver.Request received = receiver.requests().get(0);
		// each header once, with exactly this value
		assertThat(received.headers()).containsEntry("webhook-id", List.of("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"))
		        .containsEntry("webhook-timestamp", List.of("1674087231"))
		        .containsEntry("webhook-signature", List.of("v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4= v1,abc"))
		        .containsEntry("x-api-key", List.of("key-123456789"))
		        .containsEntry("x-custom", List.of("a value, with commas"))
		        .containsEntry("content-type", List.of("application/json"))
		        .containsEntry("user-agent", List.of("OpenMRS-Webhooks/1.0.0"))
		        .containsEntry("content-length", List.of(String.valueOf(PAYLOAD.length())))
		        .doesNotContainKeys("accept-encoding", "cookie");
		assertThat(received.body()).isEqualTo(PAYLOAD);
	}

	@Test
	void send_shouldNeverPutHeaderValuesIntoErrors() throws Exception {
		// given requests carrying secrets, failing in every way that produces an error text
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			closedPort = socket.getLocalPort();
		}
		Receiver slow = receiver(r -> Response.hangUp().delay(Duration.ofSeconds(5)));
		HttpTransport transport = transport(EgressPolicy.parse(true, "127.0.0.1/32", ""));
		List<URI> urls = List.of(URI.create("http://127.0.0.1:" + closedPort + "/"), URI.create(slow.url("/")),
		    URI.create("http://[::1]/"), URI.create("http://metadata.test/"), URI.create("https://unknown.test/"),
		    URI.create("gopher://x/"));

		for (URI url : urls) {
			// when
			TransportResult result = transport.send(OutboundRequest.builder(url).header("Authorization", "Bearer tok_SECRET_123")
			        .header("webhook-signature", "v1,SIGNATURE_SECRET").timeoutSeconds(1).build());

			// then
			assertThat(result.getError()).as(url.toString()).isNotNull().doesNotContain("SECRET");
		}
	}

	@Test
	void send_shouldReuseConnections_whenSendingSequentially() throws Exception {
		// given
		Receiver receiver = receiver(r -> Response.ok().body("ok"));
		HttpTransport transport = transport(ALLOW_LOCAL);

		// when
		for (int i = 0; i < 200; i++) {
			assertThat(transport.send(post(receiver.url("/"))).getStatusCode()).isEqualTo(200);
		}

		// then
		assertThat(receiver.count()).isEqualTo(200);
		assertThat(connections(receiver)).isLessThanOrEqualTo(2);
	}

	@Test
	void send_shouldSucceed_whenEightThreadsSendAtOnce() throws Exception {
		// given
		Receiver receiver = receiver(r -> Response.ok().body("ok"));
		HttpTransport transport = track(HttpTransport.builder(() -> ALLOW_LOCAL, "1.0.0").maxConnections(16, 8).build());
		ExecutorService threads = Executors.newFixedThreadPool(8);
		closeables.add(threads::shutdownNow);

		// when
		List<Future<TransportResult>> results = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			results.add(threads.submit(() -> transport.send(post(receiver.url("/")))));
		}

		// then
		for (Future<TransportResult> result : results) {
			assertThat(result.get(30, TimeUnit.SECONDS).getStatusCode()).isEqualTo(200);
		}
		assertThat(receiver.count()).isEqualTo(400);
		assertThat(connections(receiver)).isLessThanOrEqualTo(8);
	}

	@Test
	void send_shouldApplyANewDenyRule_toPooledConnections() throws Exception {
		// given a pooled connection made under a policy allowing the receiver
		Receiver receiver = receiver(r -> Response.ok().body("ok"));
		AtomicReference<EgressPolicy> policy = new AtomicReference<>(ALLOW_LOCAL);
		HttpTransport transport = track(HttpTransport.builder(policy::get, "1.0.0").dnsResolver(new FixedResolver(null)).build());
		assertThat(transport.send(post(receiver.url("/"))).getStatusCode()).isEqualTo(200);

		// when the operator denies it
		policy.set(EgressPolicy.parse(true, "127.0.0.1/32", "127.0.0.0/8"));
		TransportResult result = transport.send(post(receiver.url("/")));

		// then
		assertThat(result.getFailure()).isEqualTo(FailureKind.EGRESS_REFUSED);
		assertThat(receiver.count()).isEqualTo(1);
	}

	@Test
	void send_shouldRefuse_whenThePolicyCannotBeRead() throws Exception {
		// given a policy supplier failing the way a bad global property would
		Receiver receiver = receiver(r -> Response.ok().body("ok"));
		HttpTransport transport = track(HttpTransport.builder(() -> EgressPolicy.parse(true, "127.0.0.1/33", ""), "1.0.0").build());

		// when
		TransportResult result = transport.send(post(receiver.url("/")));

		// then
		assertThat(result.getFailure()).isEqualTo(FailureKind.EGRESS_REFUSED);
		assertThat(result.getError()).isEqualTo("egress refused: the egress policy could not be read (see the server log)");
		assertThat(receiver.count()).isZero();
	}

	@Test
	void send_shouldFailWithIo_afterClose() throws Exception {
		// given
		HttpTransport transport = transport(ALLOW_LOCAL);
		transport.close();

		// when
		TransportResult result = transport.send(post(URI.create("https://example.org/")));

		// then
		assertThat(result.getFailure()).isEqualTo(FailureKind.IO);
		assertThat(result.getError()).isEqualTo("the transport is closed");
	}

	private Receiver receiver(Function<Receiver.Request, Response> responder) throws Exception {
		Receiver receiver = track(Receiver.start());
		receiver.respond(responder);
		return receiver;
	}

	/** Distinct client connections the receiver saw (the client's address and port). */
	private static long connections(Receiver receiver) {
		return receiver.requests().stream().map(Receiver.Request::client).distinct().count();
	}

	private HttpTransport transport(EgressPolicy policy) {
		return track(HttpTransport.builder(() -> policy, "1.0.0").dnsResolver(new FixedResolver(null)).build());
	}

	private <T extends AutoCloseable> T track(T closeable) {
		closeables.add(closeable);
		return closeable;
	}

	static OutboundRequest post(URI url) {
		return post(url, 5);
	}

	static OutboundRequest post(String url) {
		return post(URI.create(url));
	}

	static OutboundRequest post(String url, int timeoutSeconds) {
		return post(URI.create(url), timeoutSeconds);
	}

	static OutboundRequest post(URI url, int timeoutSeconds) {
		return OutboundRequest.builder(url).header("webhook-id", "evt_1").body(PAYLOAD.getBytes(StandardCharsets.UTF_8))
		        .timeoutSeconds(timeoutSeconds).build();
	}

	/**
	 * The test seam for DNS: {@code metadata.test} resolves to 169.254.169.254, {@code unknown.test} to nothing;
	 * everything else goes to the system resolver, or to {@code lookup} when given.
	 */
	static final class FixedResolver implements DnsResolver {

		interface Lookup {

			InetAddress[] resolve(String host) throws UnknownHostException;
		}

		private final Lookup lookup;

		FixedResolver(Lookup lookup) {
			this.lookup = lookup;
		}

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			if (host.equals("metadata.test")) {
				return new InetAddress[] { InetAddress.getByAddress(host, new byte[] { (byte) 169, (byte) 254, (byte) 169, (byte) 254 }) };
			}
			if (host.endsWith("unknown.test")) {
				throw new UnknownHostException(host);
			}
			return lookup != null ? lookup.resolve(host) : SystemDefaultDnsResolver.INSTANCE.resolve(host);
		}

		@Override
		public String resolveCanonicalHostname(String host) throws UnknownHostException {
			return host;
		}
	}
}
