<?php
/**
 * The WooCommerce objects and functions the plugin calls: orders, their items and refunds, the logger, and the
 * Action Scheduler as a queue the tests run by hand. Orders behave as WooCommerce's do where the plugin can see it:
 * a status change fires woocommerce_order_status_changed on save, payment_complete() then fires
 * woocommerce_payment_complete, a refund fires woocommerce_order_refunded.
 *
 * @package Risiti_WooCommerce\Tests
 */

class WooCommerce {
}

/** Orders and refunds by id; the queue of scheduled actions; what the logger was told. */
final class Fake_WooCommerce {
	/** @var WC_Abstract_Order[] */
	public static $orders = array();
	/** @var array[] hook, args, when */
	public static $actions = array();
	/** @var string[] */
	public static $log = array();
	/** @var int */
	public static $next_id = 1000;

	public static function reset() {
		self::$orders  = array();
		self::$actions = array();
		self::$log     = array();
	}

	/**
	 * Runs the scheduled actions due by now + $seconds_later, as Action Scheduler's runner would: each stays in the
	 * queue, in progress, while it runs (as_next_scheduled_action answers true for it), and leaves it after.
	 * Returns how many ran.
	 */
	public static function run_due_actions( $seconds_later ) {
		$ran = 0;
		foreach ( array_keys( self::$actions ) as $index ) {
			$action = self::$actions[ $index ];
			if ( $action['when'] > time() + $seconds_later ) {
				continue;
			}
			self::$actions[ $index ]['running'] = true;
			do_action_ref_array( $action['hook'], array_values( $action['args'] ) );
			unset( self::$actions[ $index ] );
			++$ran;
		}
		self::$actions = array_values( self::$actions );
		return $ran;
	}
}

class WC_DateTime extends DateTimeImmutable {
}

class WC_Order_Item {
	private $name;
	private $quantity;
	private $total;
	private $total_tax;

	public function __construct( $name, $quantity, $total, $total_tax ) {
		$this->name      = $name;
		$this->quantity  = $quantity;
		$this->total     = $total;
		$this->total_tax = $total_tax;
	}
	public function get_name() {
		return $this->name;
	}
	public function get_quantity() {
		return $this->quantity;
	}
	public function get_total() {
		return $this->total;
	}
	public function get_total_tax() {
		return $this->total_tax;
	}
}

abstract class WC_Abstract_Order {
	protected $id;
	protected $meta = array();
	public $notes   = array();

	public function get_id() {
		return $this->id;
	}
	public function get_meta( $key, $single = true ) {
		return isset( $this->meta[ $key ] ) ? $this->meta[ $key ] : '';
	}
	public function update_meta_data( $key, $value ) {
		$this->meta[ $key ] = $value;
	}
	public function delete_meta_data( $key ) {
		unset( $this->meta[ $key ] );
	}
	/** Forgets every Risiti meta, as if the answers that set them had been lost. */
	public function forget_meta() {
		$this->meta = array();
	}
	public function save() {
		return $this->id;
	}
}

class WC_Order extends WC_Abstract_Order {
	public $billing = array();
	private $items  = array(
		'line_item' => array(),
		'shipping'  => array(),
		'fee'       => array(),
	);
	private $status = 'pending';
	private $saved_status = 'pending';
	private $payment_method;
	private $transaction_id = '';
	private $date_created;
	private $date_paid;
	private $refunded = 0;

	public function __construct( array $billing, $payment_method = 'paystack' ) {
		$this->id             = ++Fake_WooCommerce::$next_id;
		$this->billing        = $billing;
		$this->payment_method = $payment_method;
		$this->date_created   = new WC_DateTime( '2026-03-24T10:15:00+01:00' );
		Fake_WooCommerce::$orders[ $this->id ] = $this;
	}
	public function add_item( $type, WC_Order_Item $item ) {
		$this->items[ $type ][] = $item;
	}
	public function get_items( $type = 'line_item' ) {
		return $this->items[ $type ];
	}
	/** The order total as WooCommerce stores it: its lines and their tax, each already rounded to the kobo. */
	public function get_total() {
		$kobo = 0;
		foreach ( $this->items as $items ) {
			foreach ( $items as $item ) {
				$kobo += Risiti_Money::to_kobo( $item->get_total() ) + Risiti_Money::to_kobo( $item->get_total_tax() );
			}
		}
		return Risiti_Money::to_naira( $kobo );
	}
	public function get_billing_email() {
		return $this->billing['email'];
	}
	public function get_billing_first_name() {
		return $this->billing['first_name'];
	}
	public function get_billing_last_name() {
		return $this->billing['last_name'];
	}
	public function get_billing_company() {
		return isset( $this->billing['company'] ) ? $this->billing['company'] : '';
	}
	public function get_billing_phone() {
		return isset( $this->billing['phone'] ) ? $this->billing['phone'] : '';
	}
	public function get_status() {
		return $this->status;
	}
	public function set_status( $status ) {
		$this->status = $status;
	}
	public function save() {
		if ( $this->status !== $this->saved_status ) {
			$from               = $this->saved_status;
			$this->saved_status = $this->status;
			do_action( 'woocommerce_order_status_changed', $this->id, $from, $this->status, $this );
		}
		return $this->id;
	}
	public function is_paid() {
		return null !== $this->date_paid;
	}
	public function payment_complete( $transaction_id = '' ) {
		$this->transaction_id = $transaction_id;
		$this->date_paid      = new WC_DateTime( '2026-03-24T10:16:00+01:00' );
		$this->set_status( 'processing' );
		$this->save();
		do_action( 'woocommerce_payment_complete', $this->id, $transaction_id );
	}
	public function get_date_created() {
		return $this->date_created;
	}
	public function get_date_paid() {
		return $this->date_paid;
	}
	public function get_payment_method() {
		return $this->payment_method;
	}
	public function get_transaction_id() {
		return $this->transaction_id;
	}
	public function get_currency() {
		return 'NGN';
	}
	public function get_order_number() {
		return (string) $this->id;
	}
	public function get_edit_order_url() {
		return admin_url( 'post.php?post=' . $this->id . '&action=edit' );
	}
	public function add_order_note( $note ) {
		$this->notes[] = $note;
	}
}

class WC_Order_Refund extends WC_Abstract_Order {
	private $amount;
	private $reason;

	public function __construct( $amount, $reason ) {
		$this->id     = ++Fake_WooCommerce::$next_id;
		$this->amount = $amount;
		$this->reason = $reason;
		Fake_WooCommerce::$orders[ $this->id ] = $this;
	}
	public function get_amount() {
		return $this->amount;
	}
	public function get_reason() {
		return $this->reason;
	}
}

function wc_get_order( $id ) {
	return isset( Fake_WooCommerce::$orders[ $id ] ) ? Fake_WooCommerce::$orders[ $id ] : false;
}

/** As WooCommerce's: makes the refund, then fires woocommerce_order_refunded. */
function wc_create_refund( array $args ) {
	$refund = new WC_Order_Refund( $args['amount'], $args['reason'] );
	do_action( 'woocommerce_order_refunded', $args['order_id'], $refund->get_id() );
	return $refund;
}

function wc_get_order_statuses() {
	return array(
		'wc-pending'    => 'Pending payment',
		'wc-processing' => 'Processing',
		'wc-on-hold'    => 'On hold',
		'wc-completed'  => 'Completed',
	);
}

final class Fake_WC_Logger {
	public function warning( $message, $context = array() ) {
		Fake_WooCommerce::$log[] = $message;
	}
}

function wc_get_logger() {
	return new Fake_WC_Logger();
}

function as_schedule_single_action( $timestamp, $hook, $args = array(), $group = '' ) {
	Fake_WooCommerce::$actions[] = array(
		'when'  => $timestamp,
		'hook'  => $hook,
		'args'  => $args,
		'group' => $group,
	);
	return count( Fake_WooCommerce::$actions );
}

function as_next_scheduled_action( $hook, $args = null, $group = '' ) {
	foreach ( Fake_WooCommerce::$actions as $action ) {
		if ( $action['hook'] === $hook && ( null === $args || $action['args'] === $args ) ) {
			return empty( $action['running'] ) ? $action['when'] : true;
		}
	}
	return false;
}

function as_unschedule_all_actions( $hook, $args = array(), $group = '' ) {
	Fake_WooCommerce::$actions = array_values(
		array_filter(
			Fake_WooCommerce::$actions,
			static function ( $action ) use ( $group ) {
				return $action['group'] !== $group;
			}
		)
	);
}

/** The base of WooCommerce's settings tabs, as far as a tab's own code uses it. */
abstract class WC_Settings_Page {
	protected $id;
	protected $label;

	public function __construct() {
	}
}
