package org.openmrs.module.webhooks.model;

/**
 * A Standard Webhooks signing secret ({@code whsec_} + base64 of 24–64 random bytes). During a rotation the
 * old secret keeps signing, beside the new one, until {@code expiresAt}.
 */
public class SigningSecret {

	private String secret;

	/** Epoch milliseconds. */
	private long createdAt;

	/** Epoch milliseconds after which it no longer signs, or 0 for no expiry. */
	private long expiresAt;

	public SigningSecret() {
	}

	public SigningSecret(String secret, long createdAt, long expiresAt) {
		this.secret = secret;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	public String getSecret() {
		return secret;
	}

	public void setSecret(String secret) {
		this.secret = secret;
	}

	public long getCreatedAt() {
		return createdAt;
	}

	public void setCreatedAt(long createdAt) {
		this.createdAt = createdAt;
	}

	public long getExpiresAt() {
		return expiresAt;
	}

	public void setExpiresAt(long expiresAt) {
		this.expiresAt = expiresAt;
	}

	/** Whether it signs at {@code now} (epoch milliseconds). */
	public boolean isActiveAt(long now) {
		return expiresAt == 0 || now < expiresAt;
	}

	@Override
	public String toString() {
		return "SigningSecret[****]";
	}
}
