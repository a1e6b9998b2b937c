<?php
/**
 * The IRN and the invoice (with its NRS QR code) in the customer's order emails.
 *
 * @package Risiti_WooCommerce
 */

defined( 'ABSPATH' ) || exit;

/**
 * Adds the IRN to order emails and attaches the invoice PDF, which carries the NRS QR code: the API exposes the QR
 * only inside its documents, so the PDF is how it reaches the shopper.
 */
class Risiti_Emails {

	/** Customer emails that get the invoice attached. */
	const CUSTOMER_EMAILS = array( 'customer_processing_order', 'customer_completed_order', 'customer_invoice' );

	/** @var Risiti_Client */
	private $client;

	/**
	 * @param Risiti_Client $client API client.
	 */
	public function __construct( Risiti_Client $client ) {
		$this->client = $client;
	}

	/** Registers the email hooks. */
	public function register() {
		add_action( 'woocommerce_email_order_meta', array( $this, 'render_irn' ), 20, 3 );
		add_filter( 'woocommerce_email_attachments', array( $this, 'attach_invoice' ), 10, 3 );
	}

	/**
	 * @param WC_Order $order         Order.
	 * @param bool     $sent_to_admin Whether the email goes to the shop.
	 * @param bool     $plain_text    Plain-text email.
	 */
	public function render_irn( $order, $sent_to_admin, $plain_text ) {
		$irn    = (string) $order->get_meta( Risiti_Order_Sync::META_IRN );
		$number = (string) $order->get_meta( Risiti_Order_Sync::META_INVOICE_NUMBER );
		if ( '' === $irn ) {
			return;
		}
		if ( $plain_text ) {
			/* translators: 1: invoice number, 2: IRN */
			echo esc_html( sprintf( __( "E-invoice %1\$s, IRN: %2\$s (NRS QR code on the attached invoice)\n", 'risiti-woocommerce' ), $number, $irn ) );
			return;
		}
		echo '<h2>' . esc_html__( 'Your e-invoice', 'risiti-woocommerce' ) . '</h2>';
		echo '<p>' . esc_html__( 'Invoice', 'risiti-woocommerce' ) . ' ' . esc_html( $number ) . '<br/>' . esc_html__( 'IRN', 'risiti-woocommerce' ) . ': <code>' . esc_html( $irn ) . '</code><br/>';
		echo esc_html__( 'The NRS QR code is on the attached invoice.', 'risiti-woocommerce' ) . '</p>';
	}

	/**
	 * Attaches the invoice PDF to the customer's order emails, when the invoice is finalized and the plan has PDFs.
	 *
	 * @param array    $attachments Files.
	 * @param string   $email_id    Which email.
	 * @param WC_Order $order       Its order (other objects for other emails).
	 * @return array
	 */
	public function attach_invoice( $attachments, $email_id, $order ) {
		if ( ! in_array( $email_id, self::CUSTOMER_EMAILS, true ) || ! $order instanceof WC_Order || '' === (string) $order->get_meta( Risiti_Order_Sync::META_IRN ) ) {
			return $attachments;
		}
		try {
			$pdf = $this->client->download( '/api/v1/invoices/' . rawurlencode( (string) $order->get_meta( Risiti_Order_Sync::META_INVOICE_ID ) ) . '/pdf' );
		} catch ( Risiti_Api_Error $error ) {
			return $attachments; // The email goes without it rather than not at all.
		}
		$file = trailingslashit( get_temp_dir() ) . sanitize_file_name( $order->get_meta( Risiti_Order_Sync::META_INVOICE_NUMBER ) . '.pdf' );
		if ( false !== file_put_contents( $file, $pdf ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a temporary attachment.
			$attachments[] = $file;
		}
		return $attachments;
	}
}
