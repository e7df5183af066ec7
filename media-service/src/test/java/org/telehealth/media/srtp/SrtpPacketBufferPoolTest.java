package org.telehealth.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SrtpPacketBufferPoolTest {

    private final SrtpPacketBufferPool pool = new SrtpPacketBufferPool(256, 2);

    @Test
    void shouldHandOutAReleasedBufferAgainEmptied() {
        SrtpPacketBuffer first = pool.acquire();
        first.reset(100)[0] = 42;
        pool.release(first);

        SrtpPacketBuffer again = pool.acquire();

        assertThat(again).isSameAs(first);
        assertThat(again.getOffset()).isZero();
        assertThat(again.getLength()).isZero();
        assertThat(pool.buffersAllocated()).isEqualTo(1);
    }

    @Test
    void shouldNeverHandOutABufferThatIsStillHeld() {
        SrtpPacketBuffer outer = pool.acquire();
        SrtpPacketBuffer nested = pool.acquire();
        pool.release(nested);
        SrtpPacketBuffer nestedAgain = pool.acquire();

        assertThat(nested).isNotSameAs(outer);
        assertThat(nestedAgain).isSameAs(nested).isNotSameAs(outer);
    }

    @Test
    void shouldRefuseABufferReleasedTwiceSoThatTwoUsersNeverShareIt() {
        SrtpPacketBuffer buffer = pool.acquire();
        pool.release(buffer);

        assertThatThrownBy(() -> pool.release(buffer)).isInstanceOf(IllegalStateException.class);
        assertThat(pool.acquire()).isSameAs(buffer);
        assertThat(pool.acquire()).as("only one user gets it").isNotSameAs(buffer);
    }

    @Test
    void shouldKeepAtMostItsBoundOfFreeBuffersPerThread() {
        List<SrtpPacketBuffer> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(pool.acquire());
        }
        burst.forEach(pool::release);

        assertThat(pool.freeInThisThread()).isEqualTo(2);
        assertThat(pool.buffersAllocated()).isEqualTo(5);
        for (int i = 0; i < 3; i++) {
            pool.acquire();
        }
        assertThat(pool.buffersAllocated()).as("two reused, one new").isEqualTo(6);
    }

    @Test
    void shouldGiveEachThreadItsOwnBuffers() throws Exception {
        SrtpPacketBuffer mine = pool.acquire();
        pool.release(mine);
        AtomicReference<SrtpPacketBuffer> theirs = new AtomicReference<>();

        Thread other = new Thread(() -> theirs.set(pool.acquire()));
        other.start();
        other.join();

        assertThat(theirs.get()).isNotNull().isNotSameAs(mine);
        assertThat(pool.acquire()).isSameAs(mine);
    }

    @Test
    void shouldMakeBuffersWithRoomForSrtpAndGrowOneForALongerPacket() {
        SrtpPacketBuffer buffer = pool.acquire();
        assertThat(buffer.capacity()).isEqualTo(256);

        byte[] array = buffer.reset(500);

        assertThat(array.length).isGreaterThanOrEqualTo(500 + SrtpPacketBuffer.TRAILER_ROOM);
        assertThat(buffer.getLength()).isEqualTo(500);
        pool.release(buffer);
        assertThat(pool.acquire().capacity()).as("the grown buffer is reused whole").isEqualTo(array.length);
    }

    @Test
    void shouldRejectBuffersWithoutRoomForSrtpOrAPoolThatKeepsNothing() {
        assertThatThrownBy(() -> new SrtpPacketBufferPool(SrtpPacketBuffer.TRAILER_ROOM - 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SrtpPacketBufferPool(256, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
