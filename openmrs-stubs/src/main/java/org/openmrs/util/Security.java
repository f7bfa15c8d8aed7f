package org.openmrs.util;

/**
 * Compile-only stub of the OpenMRS class of the same name: only the members the module calls. The real class
 * encrypts with AES/CBC/PKCS5Padding under the installation's key (runtime property {@code encryption.key}).
 */
public class Security {

	private Security() {
	}

	public static String encrypt(String text, byte[] initVector, byte[] secretKey) {
		throw new UnsupportedOperationException("stub");
	}

	public static String decrypt(String text, byte[] initVector, byte[] secretKey) {
		throw new UnsupportedOperationException("stub");
	}

	public static byte[] getSavedSecretKey() {
		throw new UnsupportedOperationException("stub");
	}
}
