package org.openmrs.module.webhooks.model;

/**
 * How a target authenticates our requests: {@code none}, {@code basic} (username, password), {@code bearer}
 * (token) or {@code apiKey} (headerName, value; {@code x-api-key} for OpenFn). Password, token and value are
 * secrets.
 */
public class TargetAuth {

	public static final String NONE = "none";

	public static final String BASIC = "basic";

	public static final String BEARER = "bearer";

	public static final String API_KEY = "apiKey";

	private String type = NONE;

	private String username;

	private String password;

	private String token;

	private String headerName;

	private String value;

	public String getType() {
		return type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getToken() {
		return token;
	}

	public void setToken(String token) {
		this.token = token;
	}

	public String getHeaderName() {
		return headerName;
	}

	public void setHeaderName(String headerName) {
		this.headerName = headerName;
	}

	public String getValue() {
		return value;
	}

	public void setValue(String value) {
		this.value = value;
	}

	@Override
	public String toString() {
		return "TargetAuth[" + type + "]";
	}
}
