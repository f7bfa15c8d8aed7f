package org.openmrs.module.webhooks.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where notifications go (PRODUCT §4, §6), stored in {@code webhooks_target}. A plain mutable bean so the
 * REST layer can bind it; validation happens in the service on save.
 *
 * <p>Secret values ({@link TargetAuth} credentials, {@link #getHeaders() header} values, signing secrets) are
 * held in clear in memory only while a save or a delivery needs them; they are stored encrypted and are never
 * returned by the API nor logged (see {@link #toString()}).
 */
public class Target {

	public static final String REPRESENTATION_NONE = "none";

	public static final String ORDERING_PER_PATIENT = "per-patient";

	public static final String ORDERING_NONE = "none";

	private Long id;

	private String uuid;

	private String name;

	private String description;

	private String url;

	private boolean enabled = true;

	private boolean retired;

	private String retireReason;

	private List<String> eventTypes = new ArrayList<>();

	private TargetFilters filters = new TargetFilters();

	/** none | ref | default | full */
	private String representation = REPRESENTATION_NONE;

	/** per-patient | none */
	private String ordering = ORDERING_PER_PATIENT;

	private int batchSize = 1;

	private int maxConcurrency = 4;

	private int timeoutSeconds = 15;

	private int maxAttempts = 8;

	private TargetAuth auth = new TargetAuth();

	/** Custom header name → value; values are secrets. Ordered as given. */
	private Map<String, String> headers = new LinkedHashMap<>();

	private boolean signingEnabled;

	/** Newest first; more than one only during a rotation overlap. */
	private List<SigningSecret> signingSecrets = new ArrayList<>();

	private TargetHealth health = new TargetHealth();

	/** Epoch milliseconds. */
	private long dateCreated;

	private long dateChanged;

	public Long getId() {
		return id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getUuid() {
		return uuid;
	}

	public void setUuid(String uuid) {
		this.uuid = uuid;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getUrl() {
		return url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isRetired() {
		return retired;
	}

	public void setRetired(boolean retired) {
		this.retired = retired;
	}

	public String getRetireReason() {
		return retireReason;
	}

	public void setRetireReason(String retireReason) {
		this.retireReason = retireReason;
	}

	public List<String> getEventTypes() {
		return eventTypes;
	}

	public void setEventTypes(List<String> eventTypes) {
		this.eventTypes = eventTypes == null ? new ArrayList<String>() : eventTypes;
	}

	public TargetFilters getFilters() {
		return filters;
	}

	public void setFilters(TargetFilters filters) {
		this.filters = filters == null ? new TargetFilters() : filters;
	}

	public String getRepresentation() {
		return representation;
	}

	public void setRepresentation(String representation) {
		this.representation = representation;
	}

	public String getOrdering() {
		return ordering;
	}

	public void setOrdering(String ordering) {
		this.ordering = ordering;
	}

	public int getBatchSize() {
		return batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public int getMaxConcurrency() {
		return maxConcurrency;
	}

	public void setMaxConcurrency(int maxConcurrency) {
		this.maxConcurrency = maxConcurrency;
	}

	public int getTimeoutSeconds() {
		return timeoutSeconds;
	}

	public void setTimeoutSeconds(int timeoutSeconds) {
		this.timeoutSeconds = timeoutSeconds;
	}

	public int getMaxAttempts() {
		return maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public TargetAuth getAuth() {
		return auth;
	}

	public void setAuth(TargetAuth auth) {
		this.auth = auth == null ? new TargetAuth() : auth;
	}

	public Map<String, String> getHeaders() {
		return headers;
	}

	public void setHeaders(Map<String, String> headers) {
		this.headers = headers == null ? new LinkedHashMap<String, String>() : headers;
	}

	public boolean isSigningEnabled() {
		return signingEnabled;
	}

	public void setSigningEnabled(boolean signingEnabled) {
		this.signingEnabled = signingEnabled;
	}

	public List<SigningSecret> getSigningSecrets() {
		return signingSecrets;
	}

	public void setSigningSecrets(List<SigningSecret> signingSecrets) {
		this.signingSecrets = signingSecrets == null ? new ArrayList<SigningSecret>() : signingSecrets;
	}

	public TargetHealth getHealth() {
		return health;
	}

	public void setHealth(TargetHealth health) {
		this.health = health == null ? new TargetHealth() : health;
	}

	public long getDateCreated() {
		return dateCreated;
	}

	public void setDateCreated(long dateCreated) {
		this.dateCreated = dateCreated;
	}

	public long getDateChanged() {
		return dateChanged;
	}

	public void setDateChanged(long dateChanged) {
		this.dateChanged = dateChanged;
	}

	/** Whether this target takes events of {@code type} at all (before the per-resource filters). */
	public boolean subscribesTo(String type) {
		for (String filter : eventTypes) {
			if (EventTypes.matches(filter, type)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		// no URL (it may carry a token), no secrets
		return "Target[" + id + " " + uuid + "]";
	}
}
