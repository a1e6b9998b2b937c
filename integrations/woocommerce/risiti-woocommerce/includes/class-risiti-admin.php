<?php
/**
 * What shop managers see: the order screen's box, the notice of failing orders, the admin actions.
 *
 * @package Risiti_WooCommerce
 */

defined( 'ABSPATH' ) || exit;

/**
 * Admin screens and actions; every action checks its nonce and the user's capability before it does anything.
 */
class Risiti_Admin {

	const TEST_CONNECTION_ACTION = 'risiti_test_connection';
	const SYNC_ACTION            = 'risiti_sync_order';
	const PDF_ACTION             = 'risiti_invoice_pdf';

	/** @var Risiti_Settings */
	private $settings;

	/** @var Risiti_Client */
	private $client;

	/** @var Risiti_Order_Sync */
	private $sync;

	/** @var Risiti_Retries */
	private $retries;

	/**
	 * @param Risiti_Settings   $settings Settings.
	 * @param Risiti_Client     $client   API client.
	 * @param Risiti_Order_Sync $sync     Order flow.
	 * @param Risiti_Retries    $retries  Retry queue (its failures make the notice).
	 */
	public function __construct( Risiti_Settings $settings, Risiti_Client $client, Risiti_Order_Sync $sync, Risiti_Retries $retries ) {
		$this->settings = $settings;
		$this->client   = $client;
		$this->sync     = $sync;
		$this->retries  = $retries;
	}

	/** Registers the admin hooks. */
	public function register() {
		add_action( 'admin_notices', array( $this, 'render_failures_notice' ) );
		add_action( 'add_meta_boxes', array( $this, 'add_meta_box' ) );
		add_action( 'wp_ajax_' . self::TEST_CONNECTION_ACTION, array( $this, 'test_connection' ) );
		add_action( 'admin_post_' . self::SYNC_ACTION, array( $this, 'sync_now' ) );
		add_action( 'admin_post_' . self::PDF_ACTION, array( $this, 'download_pdf' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/** The settings page's script (the Test connection button), on that page only. */
	public function enqueue() {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only chooses whether to load a script.
		if ( isset( $_GET['tab'] ) && 'risiti' === sanitize_key( wp_unslash( $_GET['tab'] ) ) ) {
			wp_enqueue_script( 'risiti-admin', plugins_url( 'assets/admin.js', RISITI_WC_FILE ), array(), RISITI_WC_VERSION, true );
		}
	}

	/** Orders whose sync failed, with what failed; shown to those who manage WooCommerce. */
	public function render_failures_notice() {
		if ( ! current_user_can( 'manage_woocommerce' ) ) {
			return;
		}
		$failures = $this->retries->failures();
		if ( empty( $failures ) ) {
			return;
		}
		echo '<div class="notice notice-warning"><p><strong>' . esc_html__( 'Risiti: some orders have not reached Risiti yet.', 'risiti-woocommerce' ) . '</strong></p><ul>';
		foreach ( array_slice( $failures, 0, 10, true ) as $order_id => $message ) {
			$order = wc_get_order( $order_id );
			$link  = $order ? $order->get_edit_order_url() : '';
			/* translators: %d: order id */
			echo '<li><a href="' . esc_url( $link ) . '">' . esc_html( sprintf( __( 'Order #%d', 'risiti-woocommerce' ), $order_id ) ) . '</a>: ' . esc_html( $message ) . '</li>';
		}
		echo '</ul></div>';
	}

	/** The box on the order screen (classic posts storage and HPOS). */
	public function add_meta_box() {
		foreach ( array( 'shop_order', 'woocommerce_page_wc-orders' ) as $screen ) {
			add_meta_box( 'risiti-invoice', __( 'Risiti e-invoice', 'risiti-woocommerce' ), array( $this, 'render_meta_box' ), $screen, 'side', 'default' );
		}
	}

	/**
	 * Invoice number, status, IRN, the PDF and pay page links, and "Sync to Risiti".
	 *
	 * @param WP_Post|WC_Order $post_or_order What the screen passes.
	 */
	public function render_meta_box( $post_or_order ) {
		$order = $post_or_order instanceof WC_Order ? $post_or_order : wc_get_order( $post_or_order->ID );
		if ( ! $order ) {
			return;
		}
		$number = (string) $order->get_meta( Risiti_Order_Sync::META_INVOICE_NUMBER );
		if ( '' === $number ) {
			echo '<p>' . esc_html__( 'Not invoiced in Risiti yet.', 'risiti-woocommerce' ) . '</p>';
		} else {
			$status = (string) $order->get_meta( Risiti_Order_Sync::META_INVOICE_STATUS );
			$irn    = (string) $order->get_meta( Risiti_Order_Sync::META_IRN );
			$token  = (string) $order->get_meta( Risiti_Order_Sync::META_PUBLIC_TOKEN );
			echo '<p><strong>' . esc_html__( 'Invoice', 'risiti-woocommerce' ) . ':</strong> ' . esc_html( $number ) . '<br/>';
			echo '<strong>' . esc_html__( 'Status', 'risiti-woocommerce' ) . ':</strong> ' . esc_html( $status ) . '<br/>';
			if ( '' !== $irn ) {
				echo '<strong>' . esc_html__( 'IRN', 'risiti-woocommerce' ) . ':</strong> <code>' . esc_html( $irn ) . '</code><br/>';
				$pdf = wp_nonce_url( admin_url( 'admin-post.php?action=' . self::PDF_ACTION . '&order_id=' . $order->get_id() ), self::PDF_ACTION . '_' . $order->get_id() );
				echo '<a href="' . esc_url( $pdf ) . '">' . esc_html__( 'Invoice PDF', 'risiti-woocommerce' ) . '</a>';
				if ( '' !== $token && 'paid' !== $status ) {
					echo ' · <a href="' . esc_url( $this->client->url( '/p/' . rawurlencode( $token ) . '/pay' ) ) . '" target="_blank" rel="noopener">' . esc_html__( 'Pay page', 'risiti-woocommerce' ) . '</a>';
				}
			}
			echo '</p>';
		}
		$error = (string) $order->get_meta( Risiti_Order_Sync::META_LAST_ERROR );
		if ( '' !== $error ) {
			echo '<p class="risiti-error">' . esc_html( $error ) . '</p>';
		}
		$sync = wp_nonce_url( admin_url( 'admin-post.php?action=' . self::SYNC_ACTION . '&order_id=' . $order->get_id() ), self::SYNC_ACTION . '_' . $order->get_id() );
		echo '<p><a class="button" href="' . esc_url( $sync ) . '">' . esc_html__( 'Sync to Risiti', 'risiti-woocommerce' ) . '</a></p>';
	}

	/** AJAX: GET /api/v1/auth/me with the stored key; remembers the business id it names. */
	public function test_connection() {
		check_ajax_referer( self::TEST_CONNECTION_ACTION );
		if ( ! current_user_can( 'manage_woocommerce' ) ) {
			wp_send_json_error( array( 'message' => __( 'You may not change WooCommerce settings.', 'risiti-woocommerce' ) ), 403 );
		}
		try {
			$me     = $this->client->get( '/api/v1/auth/me' );
			$tenant = $me['data']['tenant'];
			$this->settings->remember_business_id( (string) $tenant['id'] );
			$mode = 0 === strpos( $this->settings->api_key(), 'rs_test_' ) ? __( 'test mode', 'risiti-woocommerce' ) : __( 'live', 'risiti-woocommerce' );
			/* translators: 1: business name, 2: live or test mode */
			wp_send_json_success( array( 'message' => sprintf( __( 'Connected to %1$s (%2$s).', 'risiti-woocommerce' ), $tenant['name'], $mode ) ) );
		} catch ( Risiti_Api_Error $error ) {
			wp_send_json_error( array( 'message' => $error->describe() ) );
		}
	}

	/** Admin-post: runs the order flow now, then back to the order. */
	public function sync_now() {
		$order_id = $this->authorized_order_id( self::SYNC_ACTION );
		$order    = wc_get_order( $order_id );
		if ( $order ) {
			$order->delete_meta_data( Risiti_Order_Sync::META_ATTEMPTS );
			$order->save();
		}
		$this->sync->sync_order( $order_id );
		wp_safe_redirect( $order ? $order->get_edit_order_url() : admin_url() );
		exit;
	}

	/** Admin-post: the invoice PDF, fetched with the stored key (the browser never sees it). */
	public function download_pdf() {
		$order = wc_get_order( $this->authorized_order_id( self::PDF_ACTION ) );
		$id    = $order ? (string) $order->get_meta( Risiti_Order_Sync::META_INVOICE_ID ) : '';
		try {
			$pdf = '' === $id ? '' : $this->client->download( '/api/v1/invoices/' . rawurlencode( $id ) . '/pdf' );
		} catch ( Risiti_Api_Error $error ) {
			wp_die( esc_html( $error->describe() ), 502 );
		}
		if ( '' === $pdf ) {
			wp_die( esc_html__( 'This order has no Risiti invoice.', 'risiti-woocommerce' ), 404 );
		}
		nocache_headers();
		header( 'Content-Type: application/pdf' );
		header( 'Content-Disposition: inline; filename="' . sanitize_file_name( $order->get_meta( Risiti_Order_Sync::META_INVOICE_NUMBER ) ) . '.pdf"' );
		echo $pdf; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a PDF document, not HTML.
		exit;
	}

	/**
	 * The order an admin-post action names, once its nonce (made for that order) and the user's capability pass.
	 *
	 * @param string $action The action.
	 * @return int
	 */
	private function authorized_order_id( $action ) {
		$order_id = isset( $_GET['order_id'] ) ? absint( $_GET['order_id'] ) : 0;
		check_admin_referer( $action . '_' . $order_id );
		if ( ! current_user_can( 'edit_shop_orders' ) ) {
			wp_die( esc_html__( 'You may not edit orders.', 'risiti-woocommerce' ), 403 );
		}
		return $order_id;
	}
}
