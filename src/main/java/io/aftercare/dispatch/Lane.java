package io.aftercare.dispatch;

import java.util.concurrent.Semaphore;

/**
 * How the loop's runs ({@link Dispatcher#drainOnce}) are paced, and the room for texts they claimed and have not
 * finished: one room shared by the runs, so the next run claims as the last one's texts go out, never more at once.
 */
record Lane(Pacing pacing, Semaphore room) {
    Lane(Pacing pacing) {
        this(pacing, new Semaphore(pacing.mostOutstanding()));
    }
}
