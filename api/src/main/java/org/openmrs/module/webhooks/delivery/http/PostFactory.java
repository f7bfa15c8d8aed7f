package org.openmrs.module.webhooks.delivery.http;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.openmrs.module.webhooks.delivery.OutboundRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns an {@link OutboundRequest} into the HttpClient request: headers in order, JSON body, its timeouts. */
final class PostFactory {

	private static final Logger log = LoggerFactory.getLogger(PostFactory.class);

	/** Exactly {@code application/json}: JSON has no charset parameter (RFC 8259 §11). */
	private static final ContentType JSON = ContentType.create("application/json");

	/** Ours to set, or HttpClient's: taking them from the map would duplicate or contradict them. */
	private static final Set<String> RESERVED_HEADERS = new HashSet<String>(Arrays.asList("content-type", "user-agent",
	    "content-length", "transfer-encoding", "host", "connection", "keep-alive", "expect", "te", "trailer", "upgrade",
	    "proxy-connection"));

	private PostFactory() {
	}

	@SuppressWarnings("deprecation") // the per-request connect timeout is deprecated in favour of a per-route one,
	// but the timeout belongs to the target's request, and HttpClient 5.5 still honours it
	static HttpPost newPost(OutboundRequest request) {
		HttpPost post = new HttpPost(request.getUrl());
		for (Map.Entry<String, String> header : request.getHeaders().entrySet()) {
			if (RESERVED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
				log.debug("Ignoring reserved request header {}", header.getKey());
				continue;
			}
			post.addHeader(header.getKey(), header.getValue());
		}
		post.setEntity(new ByteArrayEntity(request.getBody(), JSON));
		Timeout timeout = Timeout.ofSeconds(request.getTimeoutSeconds());
		post.setConfig(RequestConfig.custom().setRedirectsEnabled(false).setExpectContinueEnabled(false)
		        .setProtocolUpgradeEnabled(false).setConnectionRequestTimeout(timeout).setConnectTimeout(timeout)
		        .setResponseTimeout(timeout).build());
		return post;
	}
}
