package org.openmrs.module.webhooks.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BodyCaptureTest {

	@Test
	void readFrom_shouldKeepASmallBodyWhole() throws Exception {
		// given
		BodyCapture capture = new BodyCapture();

		// when
		capture.readFrom(stream("{\"ok\":true}"), -1);

		// then
		assertThat(capture.isComplete()).isTrue();
		assertThat(capture.excerpt()).isEqualTo("{\"ok\":true}");
	}

	@Test
	void readFrom_shouldReadToTheEnd_whenBodyFitsTheReadCap() throws Exception {
		// given a 64 KB body exactly
		BodyCapture capture = new BodyCapture();

		// when
		capture.readFrom(stream("z".repeat(BodyCapture.MAX_READ_BYTES)), -1);

		// then
		assertThat(capture.isComplete()).isTrue();
		assertThat(capture.excerpt()).hasSize(BodyCapture.EXCERPT_BYTES);
	}

	@Test
	void readFrom_shouldStopAtTheReadCap_whenBodyIsLarger() throws Exception {
		// given an endless body
		CountingStream endless = new CountingStream();
		BodyCapture capture = new BodyCapture();

		// when
		capture.readFrom(endless, -1);

		// then
		assertThat(capture.isComplete()).isFalse();
		assertThat(endless.read).isEqualTo(BodyCapture.MAX_READ_BYTES + 1);
		assertThat(capture.excerpt()).hasSize(BodyCapture.EXCERPT_BYTES);
	}

	@Test
	void readFrom_shouldReadOnlyTheExcerpt_whenDeclaredLengthIsOverTheCap() throws Exception {
		// given
		CountingStream endless = new CountingStream();
		BodyCapture capture = new BodyCapture();

		// when
		capture.readFrom(endless, 10_000_000);

		// then
		assertThat(endless.read).isEqualTo(BodyCapture.EXCERPT_BYTES);
		assertThat(capture.isComplete()).isFalse();
	}

	@Test
	void readFrom_shouldKeepWhatArrived_whenTheStreamBreaks() {
		// given
		BodyCapture capture = new BodyCapture();
		InputStream breaking = new InputStream() {

			private int left = 3;

			@Override
			public int read() throws IOException {
				if (left-- > 0) {
					return 'k';
				}
				throw new IOException("reset");
			}
		};

		// when
		assertThatThrownBy(() -> capture.readFrom(breaking, -1)).isInstanceOf(IOException.class);

		// then
		assertThat(capture.excerpt()).isEqualTo("kkk");
		assertThat(capture.isComplete()).isFalse();
	}

	@Test
	void excerpt_shouldBeNull_whenBodyIsEmpty() throws Exception {
		BodyCapture capture = new BodyCapture();
		capture.readFrom(stream(""), 0);
		assertThat(capture.excerpt()).isNull();
	}

	@Test
	void excerpt_shouldNotEndInHalfACharacter() throws Exception {
		// given 4095 ASCII bytes then a 3-byte euro sign straddling the 4 KB cut
		BodyCapture capture = new BodyCapture();

		// when
		capture.readFrom(stream("a".repeat(BodyCapture.EXCERPT_BYTES - 1) + "€ and more"), -1);

		// then
		assertThat(capture.excerpt()).isEqualTo("a".repeat(BodyCapture.EXCERPT_BYTES - 1));
	}

	@Test
	void excerpt_shouldReplaceNul_whichSomeDatabasesRefuse() throws Exception {
		BodyCapture capture = new BodyCapture();
		capture.readFrom(stream("a\0b"), -1);
		assertThat(capture.excerpt()).isEqualTo("a\uFFFDb");
	}

	@Test
	void wholeCharactersEnd_shouldKeepCompleteSequences() {
		byte[] euro = "x€".getBytes(StandardCharsets.UTF_8);
		assertThat(BodyCapture.wholeCharactersEnd(euro, euro.length)).isEqualTo(4);
		assertThat(BodyCapture.wholeCharactersEnd(euro, 3)).isEqualTo(1);
		assertThat(BodyCapture.wholeCharactersEnd(euro, 2)).isEqualTo(1);
		byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
		assertThat(BodyCapture.wholeCharactersEnd(emoji, 4)).isEqualTo(4);
		assertThat(BodyCapture.wholeCharactersEnd(emoji, 3)).isZero();
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/** An endless body that counts what was taken from it. */
	private static final class CountingStream extends InputStream {

		long read;

		@Override
		public int read() {
			read++;
			return 'q';
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'q');
			read += length;
			return length;
		}
	}
}
