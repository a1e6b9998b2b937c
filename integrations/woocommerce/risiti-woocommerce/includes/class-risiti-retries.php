<?php
/**
 * The retry queue: WooCommerce's Action Scheduler, with exponential backoff and jitter.
 *
 * @package Risiti_WooCommerce
 */

defined( 'ABSPATH' ) || exit;

/**
 * Schedules another attempt of a failed sync and keeps the admin notice of what is failing.
 */
class Risiti_Retries {

	/** After this many attempts (about 17 hours at the default 60 s base) the plugin stops and asks for a person. */
	const MAX_ATTEMPTS = 10;

	/** No wait is longer than this, however many attempts came before. */
	const MAX_DELAY_SECONDS = 21600;

	/** @var Risiti_Settings */
	private $settings;

	/**
	 * @param Risiti_Settings $settings Where the base delay comes from.
	 */
	public function __construct( Risiti_Settings $settings ) {
		$this->settings = $settings;
	}

	/**
	 * Seconds to wait before attempt number $attempt (1 = the first retry): base × 2^(attempt-1), capped, plus up
	 * to a quarter more at random so that many orders failing together do not all come back at the same second.
	 *
	 * @param int $attempt Attempt number, from 1.
	 * @return int
	 */
	public function delay( $attempt ) {
		$delay = min( self::MAX_DELAY_SECONDS, $this->settings->retry_base_seconds() * ( 2 ** min( 20, max( 0, $attempt - 1 ) ) ) );
		return $delay + wp_rand( 0, intdiv( $delay, 4 ) );
	}

	/**
	 * Whether an attempt is queued or running for these arguments.
	 *
	 * @param string $hook Action hook.
	 * @param array  $args Its arguments.
	 * @return bool
	 */
	public function is_queued( $hook, array $args ) {
		// A timestamp for a pending action, true for one in progress.
		return false !== as_next_scheduled_action( $hook, $args, Risiti_Settings::ACTION_GROUP );
	}

	/**
	 * Queues one more attempt unless one is already queued.
	 *
	 * @param string $hook       Action hook the attempt runs.
	 * @param array  $args       Its arguments.
	 * @param int    $attempt    Attempt number, from 1.
	 * @param bool   $from_queue Whether a queued attempt is asking: it is itself "in progress" to the Action
	 *                           Scheduler, so it must not count as a queued one.
	 * @return int|null When it will run (Unix time), null when it was queued already.
	 */
	public function schedule( $hook, array $args, $attempt, $from_queue ) {
		if ( ! $from_queue && $this->is_queued( $hook, $args ) ) {
			return null;
		}
		$when = time() + $this->delay( $attempt );
		as_schedule_single_action( $when, $hook, $args, Risiti_Settings::ACTION_GROUP );
		return $when;
	}

	/**
	 * Remembers what failed for an order, for the admin notice.
	 *
	 * @param int    $order_id Order.
	 * @param string $message  What failed and what happens next.
	 */
	public function record_failure( $order_id, $message ) {
		$failures              = $this->failures();
		$failures[ $order_id ] = $message;
		update_option( Risiti_Settings::FAILURES, $failures, false );
	}

	/**
	 * Forgets an order's failure once it went through.
	 *
	 * @param int $order_id Order.
	 */
	public function clear_failure( $order_id ) {
		$failures = $this->failures();
		if ( isset( $failures[ $order_id ] ) ) {
			unset( $failures[ $order_id ] );
			update_option( Risiti_Settings::FAILURES, $failures, false );
		}
	}

	/** @return array<int,string> Order id → what failed. */
	public function failures() {
		$failures = get_option( Risiti_Settings::FAILURES, array() );
		return is_array( $failures ) ? $failures : array();
	}
}
