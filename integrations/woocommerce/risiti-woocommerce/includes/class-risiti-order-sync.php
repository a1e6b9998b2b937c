<?php
/**
 * A WooCommerce order becoming a Risiti customer, invoice and receipt; a refund becoming a credit note.
 *
 * @package Risiti_WooCommerce
 */

defined( 'ABSPATH' ) || exit;

/**
 * The order flow of seed 001 ("Record a sale from a WooCommerce order"): find-or-create the shopper, create the
 * invoice with the order's lines, finalize it (and submit it to NRS), record the payment as a receipt.
 *
 * Each step stores its result in the order's meta before the next starts and sends an Idempotency-Key made of the
 * store, the order and the step: a hook fired twice, a retry after a lost answer or two workers at once make one
 * customer, one invoice and one receipt.
 */
class Risiti_Order_Sync {

	const SYNC_HOOK   = 'risiti_sync_order';
	const REFUND_HOOK = 'risiti_sync_refund';

	const META_CUSTOMER_ID    = '_risiti_customer_id';
	const META_INVOICE_ID     = '_risiti_invoice_id';
	const META_INVOICE_NUMBER = '_risiti_invoice_number';
	const META_INVOICE_STATUS = '_risiti_invoice_status';
	const META_INVOICE_TOTAL  = '_risiti_invoice_total_kobo';
	const META_IRN            = '_risiti_irn';
	const META_PUBLIC_TOKEN   = '_risiti_public_token';
	const META_NRS_SUBMISSION = '_risiti_nrs_submission';
	const META_RECEIPT_NUMBER = '_risiti_receipt_number';
	const META_CREDIT_NOTE    = '_risiti_credit_note_number';
	const META_ATTEMPTS       = '_risiti_attempts';
	const META_LAST_ERROR     = '_risiti_last_error';

	/** Payment gateways paid offline, whose invoices fall due two weeks after the order rather than at once. */
	const OFFLINE_GATEWAYS = array( 'bacs', 'cheque', 'cod' );

	/** @var Risiti_Settings */
	private $settings;

	/** @var Risiti_Client */
	private $client;

	/** @var Risiti_Retries */
	private $retries;

	/** @var bool Whether the running attempt is one the Action Scheduler started. */
	private $from_queue = false;

	/**
	 * @param Risiti_Settings $settings Settings.
	 * @param Risiti_Client   $client   API client.
	 * @param Risiti_Retries  $retries  Retry queue.
	 */
	public function __construct( Risiti_Settings $settings, Risiti_Client $client, Risiti_Retries $retries ) {
		$this->settings = $settings;
		$this->client   = $client;
		$this->retries  = $retries;
	}

	/**
	 * Hooked to woocommerce_order_status_changed.
	 *
	 * @param int    $order_id Order.
	 * @param string $from     Previous status.
	 * @param string $to       New status.
	 */
	public function on_status_changed( $order_id, $from, $to ) {
		if ( in_array( $to, $this->settings->trigger_statuses(), true ) ) {
			$this->sync_unless_queued( $order_id );
		}
	}

	/**
	 * Hooked to woocommerce_payment_complete: the receipt, if the order was invoiced before it was paid.
	 *
	 * @param int $order_id Order.
	 */
	public function on_payment_complete( $order_id ) {
		$order = wc_get_order( $order_id );
		if ( $order && in_array( $order->get_status(), $this->settings->trigger_statuses(), true ) ) {
			$this->sync_unless_queued( $order_id );
		}
	}

	/**
	 * Runs the flow from a WooCommerce hook, unless a retry is waiting: that retry reads the order as it is then
	 * (paid by now, say), and trying again now, seconds after a failure, would only fail again.
	 *
	 * @param int $order_id Order.
	 */
	private function sync_unless_queued( $order_id ) {
		if ( ! $this->retries->is_queued( self::SYNC_HOOK, array( 'order_id' => (int) $order_id ) ) ) {
			$this->sync_order( $order_id );
		}
	}

	/**
	 * Hooked to the retry action (Action Scheduler runs it).
	 *
	 * @param int $order_id Order.
	 */
	public function retry_order( $order_id ) {
		$this->from_queue = true;
		try {
			$this->sync_order( $order_id );
		} finally {
			$this->from_queue = false;
		}
	}

	/**
	 * Hooked to the refund retry action.
	 *
	 * @param int $order_id  Order.
	 * @param int $refund_id The refund.
	 */
	public function retry_refund( $order_id, $refund_id ) {
		$this->from_queue = true;
		try {
			$this->sync_refund( $order_id, $refund_id );
		} finally {
			$this->from_queue = false;
		}
	}

	/**
	 * Hooked to woocommerce_order_refunded.
	 *
	 * @param int $order_id  Order.
	 * @param int $refund_id The refund.
	 */
	public function on_refunded( $order_id, $refund_id ) {
		$this->sync_refund( $order_id, $refund_id );
	}

	/**
	 * Brings the order as far through the flow as it can go; what fails is queued for another attempt.
	 *
	 * @param int $order_id Order.
	 */
	public function sync_order( $order_id ) {
		$order = wc_get_order( $order_id );
		if ( ! $order || ! $this->settings->is_configured() ) {
			return;
		}
		try {
			$this->run( $order );
			$this->succeeded( $order, self::META_ATTEMPTS );
		} catch ( Risiti_Api_Error $error ) {
			$this->failed( $order, self::SYNC_HOOK, array( 'order_id' => (int) $order_id ), self::META_ATTEMPTS, $error );
		}
	}

	/**
	 * Issues the credit note of a refund.
	 *
	 * @param int $order_id  Order.
	 * @param int $refund_id The refund.
	 */
	public function sync_refund( $order_id, $refund_id ) {
		$order  = wc_get_order( $order_id );
		$refund = wc_get_order( $refund_id );
		if ( ! $order || ! $refund || ! $this->settings->is_configured() || '' !== (string) $refund->get_meta( self::META_CREDIT_NOTE ) ) {
			return;
		}
		$attempts_key = self::META_ATTEMPTS . '_refund_' . (int) $refund_id;
		try {
			$this->credit( $order, $refund );
			$this->succeeded( $order, $attempts_key );
		} catch ( Risiti_Api_Error $error ) {
			$this->failed( $order, self::REFUND_HOOK, array( 'order_id' => (int) $order_id, 'refund_id' => (int) $refund_id ), $attempts_key, $error );
		}
	}

	/**
	 * The steps, each skipped when the order's meta says it is done.
	 *
	 * @param WC_Order $order Order.
	 * @throws Risiti_Api_Error When a step fails.
	 */
	private function run( $order ) {
		$business = $this->business_id();
		$keys     = $this->key_prefix( $order );

		if ( '' === (string) $order->get_meta( self::META_CUSTOMER_ID ) ) {
			$customer = $this->client->post( '/v1/customers/find-or-create?businessId=' . rawurlencode( $business ), $this->customer_body( $order, $business ), $keys . 'customer' );
			$order->update_meta_data( self::META_CUSTOMER_ID, $customer['data']['id'] );
			$order->save();
		}

		if ( '' === (string) $order->get_meta( self::META_INVOICE_ID ) ) {
			$lines   = Risiti_Invoice_Lines::of_order( $order, $this->vat_rates(), $this->settings->untaxed_lines() );
			$invoice = $this->client->post( '/api/v1/invoices', $this->invoice_body( $order, $lines ), $keys . 'invoice' );
			$this->remember_invoice( $order, $invoice['data'] );
			$order_total = Risiti_Money::to_kobo( $order->get_total() );
			if ( (int) $invoice['data']['total_amount_kobo'] !== $order_total ) {
				/* translators: 1: invoice total, 2: order total */
				$order->add_order_note( sprintf( __( 'Risiti: the invoice total %1$s differs from the order total %2$s; check the order\'s tax settings.', 'risiti-woocommerce' ), $invoice['data']['total_amount'], Risiti_Money::to_naira( $order_total ) ) );
			}
			/* translators: %s: invoice number */
			$order->add_order_note( sprintf( __( 'Risiti: invoice %s created.', 'risiti-woocommerce' ), $invoice['data']['invoice_number'] ) );
			$order->save();
		}
		$invoice_id = (string) $order->get_meta( self::META_INVOICE_ID );

		if ( 'draft' === $order->get_meta( self::META_INVOICE_STATUS ) ) {
			if ( $this->settings->auto_finalize() ) {
				$this->finalize( $order, $invoice_id, $keys );
			} elseif ( $order->is_paid() && '' === (string) $order->get_meta( self::META_RECEIPT_NUMBER ) ) {
				// Someone may have finalized it in Risiti since: the receipt can follow once it is.
				$this->remember_invoice( $order, $this->client->get( '/api/v1/invoices/' . rawurlencode( $invoice_id ) )['data'] );
				$order->save();
			}
		}

		if ( $this->settings->auto_submit_nrs() && $this->is_finalized( $order ) && '' === (string) $order->get_meta( self::META_NRS_SUBMISSION ) ) {
			$this->submit_to_nrs( $order, $invoice_id, $keys );
		}

		if ( $order->is_paid() && $this->is_finalized( $order ) && '' === (string) $order->get_meta( self::META_RECEIPT_NUMBER ) ) {
			$receipt = $this->client->post( '/v1/receipts?businessId=' . rawurlencode( $business ), $this->receipt_body( $order, $business, $invoice_id ), $keys . 'receipt' );
			$number = self::field( $receipt['data'], 'receiptNumber', 'receipt_number' );
			$order->update_meta_data( self::META_RECEIPT_NUMBER, $number );
			$order->update_meta_data( self::META_INVOICE_STATUS, 0 === (int) self::field( $receipt['data'], 'amountDueKobo', 'amount_due_kobo' ) ? 'paid' : 'partial' );
			/* translators: %s: receipt number */
			$order->add_order_note( sprintf( __( 'Risiti: payment recorded, receipt %s.', 'risiti-woocommerce' ), $number ) );
			$order->save();
		}
	}

	/**
	 * Finalizes the invoice: IRN, signature, QR code.
	 *
	 * @param WC_Order $order      Order.
	 * @param string   $invoice_id Invoice.
	 * @param string   $keys       Idempotency-Key prefix.
	 * @throws Risiti_Api_Error When it fails.
	 */
	private function finalize( $order, $invoice_id, $keys ) {
		try {
			$finalized = $this->client->post( '/api/v1/invoices/' . rawurlencode( $invoice_id ) . '/finalize', null, $keys . 'finalize' );
		} catch ( Risiti_Api_Error $error ) {
			if ( 422 !== $error->status() ) {
				throw $error;
			}
			// Finalized in Risiti meanwhile (by a person, or an attempt whose answer was lost a day ago): read it.
			$finalized = $this->client->get( '/api/v1/invoices/' . rawurlencode( $invoice_id ) );
			if ( 'draft' === $finalized['data']['status'] ) {
				throw $error;
			}
		}
		$this->remember_invoice( $order, $finalized['data'] );
		/* translators: %s: IRN */
		$order->add_order_note( sprintf( __( 'Risiti: invoice finalized, IRN %s.', 'risiti-woocommerce' ), $finalized['data']['irn'] ) );
		$order->save();
	}

	/**
	 * Queues the NRS submission. A refusal that no retry can fix (the plan lacks NRS submission) is noted on the
	 * order and does not hold the receipt back.
	 *
	 * @param WC_Order $order      Order.
	 * @param string   $invoice_id Invoice.
	 * @param string   $keys       Idempotency-Key prefix.
	 * @throws Risiti_Api_Error When it fails and may pass later.
	 */
	private function submit_to_nrs( $order, $invoice_id, $keys ) {
		try {
			$this->client->post( '/api/v1/invoices/' . rawurlencode( $invoice_id ) . '/submit-firs', null, $keys . 'submit-nrs' );
			$order->update_meta_data( self::META_NRS_SUBMISSION, 'queued' );
			$order->add_order_note( __( 'Risiti: invoice queued for submission to NRS.', 'risiti-woocommerce' ) );
		} catch ( Risiti_Api_Error $error ) {
			if ( $error->is_retryable() ) {
				throw $error;
			}
			$order->update_meta_data( self::META_NRS_SUBMISSION, 'refused' );
			/* translators: %s: error */
			$order->add_order_note( sprintf( __( 'Risiti: NRS submission refused: %s', 'risiti-woocommerce' ), $error->describe() ) );
		}
		$order->save();
	}

	/**
	 * The credit note of a refund: the refunded amount, VAT included, off the order's invoice.
	 *
	 * @param WC_Order        $order  Order.
	 * @param WC_Order_Refund $refund Refund.
	 * @throws Risiti_Api_Error When it fails, or the invoice is not finalized yet (a retry waits for it).
	 */
	private function credit( $order, $refund ) {
		if ( ! $this->is_finalized( $order ) ) {
			throw new Risiti_Api_Error( 0, 'INVOICE_NOT_FINALIZED', __( 'The order\'s invoice is not finalized yet; the credit note follows once it is.', 'risiti-woocommerce' ), true );
		}
		$reason = trim( (string) $refund->get_reason() );
		$body   = array(
			/* translators: %s: order number */
			'reason' => '' !== $reason ? $reason : sprintf( __( 'Refund of WooCommerce order #%s', 'risiti-woocommerce' ), $order->get_order_number() ),
			'amount' => Risiti_Money::to_naira( Risiti_Money::to_kobo( $refund->get_amount() ) ),
		);
		$path   = '/api/v1/invoices/' . rawurlencode( (string) $order->get_meta( self::META_INVOICE_ID ) ) . '/credit-note';
		$key    = $this->key_prefix( $order ) . 'refund-' . $refund->get_id();
		try {
			$note = $this->client->post( $path, $body, $key );
		} catch ( Risiti_Api_Error $error ) {
			if ( 422 !== $error->status() || false === strpos( $error->getMessage(), 'one kobo more or less' ) ) {
				throw $error;
			}
			// Risiti splits an amount over the invoice's VAT rates; where no split is exact it asks for a kobo less or more.
			$refunded       = Risiti_Money::to_kobo( $body['amount'] );
			$body['amount'] = Risiti_Money::to_naira( $refunded - 1 );
			try {
				$note = $this->client->post( $path, $body, $key . '-less-1' );
			} catch ( Risiti_Api_Error $again ) {
				if ( 422 !== $again->status() ) {
					throw $again;
				}
				$body['amount'] = Risiti_Money::to_naira( $refunded + 1 );
				$note           = $this->client->post( $path, $body, $key . '-more-1' );
			}
			/* translators: 1: credited amount, 2: refunded amount */
			$order->add_order_note( sprintf( __( 'Risiti: the credit note is for %1$s: %2$s cannot be split exactly over the invoice\'s VAT rates.', 'risiti-woocommerce' ), $body['amount'], Risiti_Money::to_naira( $refunded ) ) );
		}
		$refund->update_meta_data( self::META_CREDIT_NOTE, $note['data']['invoice_number'] );
		$refund->save();
		/* translators: 1: credit note number, 2: amount */
		$order->add_order_note( sprintf( __( 'Risiti: credit note %1$s issued for %2$s.', 'risiti-woocommerce' ), $note['data']['invoice_number'], $note['data']['total_amount'] ) );
		$order->save();
	}

	/**
	 * @param WC_Order $order        Order.
	 * @param string   $attempts_key Meta key counting this work's attempts.
	 */
	private function succeeded( $order, $attempts_key ) {
		if ( '' !== (string) $order->get_meta( $attempts_key ) || '' !== (string) $order->get_meta( self::META_LAST_ERROR ) ) {
			$order->delete_meta_data( $attempts_key );
			$order->delete_meta_data( self::META_LAST_ERROR );
			$order->save();
		}
		$this->retries->clear_failure( $order->get_id() );
	}

	/**
	 * Notes the failure on the order and the admin notice, and queues another attempt when one can help.
	 *
	 * @param WC_Order         $order        Order.
	 * @param string           $hook         Action that retries.
	 * @param array            $args         Its arguments.
	 * @param string           $attempts_key Meta key counting attempts.
	 * @param Risiti_Api_Error $error        What failed.
	 */
	private function failed( $order, $hook, array $args, $attempts_key, Risiti_Api_Error $error ) {
		$attempt = (int) $order->get_meta( $attempts_key ) + 1;
		$when    = null;
		if ( $error->is_retryable() && $attempt <= Risiti_Retries::MAX_ATTEMPTS ) {
			$when = $this->retries->schedule( $hook, $args, $attempt, $this->from_queue );
			/* translators: 1: error, 2: attempt number */
			$message = sprintf( __( '%1$s — will retry automatically (attempt %2$d).', 'risiti-woocommerce' ), $error->describe(), $attempt );
		} else {
			/* translators: %s: error */
			$message = sprintf( __( '%s — not retried; fix the cause, then use "Sync to Risiti" on the order.', 'risiti-woocommerce' ), $error->describe() );
		}
		$order->update_meta_data( $attempts_key, $attempt );
		$order->update_meta_data( self::META_LAST_ERROR, $message );
		/* translators: %s: what failed */
		$order->add_order_note( sprintf( __( 'Risiti: %s', 'risiti-woocommerce' ), $message ) );
		$order->save();
		$this->retries->record_failure( $order->get_id(), $message );
		if ( function_exists( 'wc_get_logger' ) ) {
			// The message names the status and the API's error, never the key.
			wc_get_logger()->warning( 'Order ' . $order->get_id() . ': ' . $message . ( null === $when ? '' : ' (next attempt at ' . gmdate( 'c', $when ) . ')' ), array( 'source' => 'risiti' ) );
		}
	}

	/**
	 * The business id the dialect's calls need: the setting, else the key's tenant from /api/v1/auth/me.
	 *
	 * @return string
	 * @throws Risiti_Api_Error When the API cannot say.
	 */
	private function business_id() {
		$business = $this->settings->business_id();
		if ( '' === $business ) {
			$me       = $this->client->get( '/api/v1/auth/me' );
			$business = (string) $me['data']['tenant']['id'];
			$this->settings->remember_business_id( $business );
		}
		return $business;
	}

	/**
	 * The tenant's VAT rates, cached for a day (they are tenant data, rarely changed).
	 *
	 * @return array[] id, units, category.
	 * @throws Risiti_Api_Error When the API cannot say.
	 */
	private function vat_rates() {
		$rates = get_transient( Risiti_Settings::TAX_RATES_TRANSIENT );
		if ( is_array( $rates ) && ! empty( $rates ) ) {
			return $rates;
		}
		$rates = array();
		$page  = $this->client->get( '/api/v1/tax-rates?kind=vat&limit=100' );
		foreach ( $page['data'] as $rate ) {
			$rates[] = array(
				'id'       => $rate['id'],
				'units'    => Risiti_Money::rate_units( $rate['rate'] ),
				'category' => $rate['vat_category'],
			);
		}
		set_transient( Risiti_Settings::TAX_RATES_TRANSIENT, $rates, DAY_IN_SECONDS );
		return $rates;
	}

	/**
	 * Idempotency-Key prefix: this store (two stores may share a Risiti business), this order.
	 *
	 * @param WC_Order $order Order.
	 * @return string
	 */
	private function key_prefix( $order ) {
		return 'wc-' . substr( md5( home_url() ), 0, 12 ) . '-order-' . $order->get_id() . '-';
	}

	/**
	 * @param WC_Order $order    Order.
	 * @param string   $business Business id.
	 * @return array
	 * @throws Risiti_Api_Error When the order has no billing email.
	 */
	private function customer_body( $order, $business ) {
		$email = trim( (string) $order->get_billing_email() );
		if ( '' === $email ) {
			throw new Risiti_Api_Error( 0, 'NO_EMAIL', __( 'The order has no billing email; Risiti finds customers by email.', 'risiti-woocommerce' ), false );
		}
		$name = trim( $order->get_billing_first_name() . ' ' . $order->get_billing_last_name() );
		if ( '' !== trim( (string) $order->get_billing_company() ) ) {
			$name = trim( (string) $order->get_billing_company() );
		}
		$body  = array(
			'businessId' => $business,
			'name'       => '' !== $name ? $name : $email,
			'email'      => $email,
		);
		$phone = preg_replace( '/[\s().-]/', '', (string) $order->get_billing_phone() );
		// A phone Risiti would refuse must not hold the invoice back: it is left out.
		if ( preg_match( '/^\+?[0-9]{7,15}$/', $phone ) ) {
			$body['phone'] = $phone;
		}
		return $body;
	}

	/**
	 * @param WC_Order             $order Order.
	 * @param Risiti_Invoice_Lines $lines Its lines.
	 * @return array
	 */
	private function invoice_body( $order, Risiti_Invoice_Lines $lines ) {
		$issued = $this->lagos_date( $order->get_date_created() );
		$due    = in_array( $order->get_payment_method(), self::OFFLINE_GATEWAYS, true ) ? gmdate( 'Y-m-d', strtotime( $issued . ' +14 days' ) ) : $issued;
		return array(
			'customer_id' => $order->get_meta( self::META_CUSTOMER_ID ),
			'issue_date'  => $issued,
			'due_date'    => $due,
			'currency'    => $order->get_currency(),
			'line_items'  => $lines->lines(),
			/* translators: %s: order number */
			'notes'       => sprintf( __( 'WooCommerce order #%s', 'risiti-woocommerce' ), $order->get_order_number() ),
		);
	}

	/**
	 * @param WC_Order $order      Order.
	 * @param string   $business   Business id.
	 * @param string   $invoice_id Invoice.
	 * @return array
	 */
	private function receipt_body( $order, $business, $invoice_id ) {
		$reference = (string) $order->get_transaction_id();
		return array(
			'businessId'    => $business,
			'invoiceId'     => $invoice_id,
			'amountKobo'    => (int) $order->get_meta( self::META_INVOICE_TOTAL ),
			'paymentMethod' => self::payment_method( (string) $order->get_payment_method() ),
			'reference'     => substr( '' !== $reference ? $reference : 'WC-' . $order->get_order_number(), 0, 100 ),
			'paymentDate'   => $this->lagos_date( $order->get_date_paid() ? $order->get_date_paid() : $order->get_date_created() ),
		);
	}

	/**
	 * Risiti's payment method word for a WooCommerce gateway id.
	 *
	 * @param string $gateway Gateway id.
	 * @return string
	 */
	private static function payment_method( $gateway ) {
		$methods = array(
			'bacs'   => 'bank_transfer',
			'cheque' => 'cheque',
			'cod'    => 'cash',
		);
		if ( isset( $methods[ $gateway ] ) ) {
			return $methods[ $gateway ];
		}
		return preg_match( '/paystack|flutterwave|stripe|card|monnify|interswitch/i', $gateway ) ? 'card' : 'online';
	}

	/**
	 * A field of a /v1 answer. Replayed answers (same Idempotency-Key) from Risiti before 2026-11-26 came back with
	 * snake_case names, the first one with camelCase: both are read.
	 *
	 * @param array  $data       The answer's data.
	 * @param string $camel_case Name as the dialect writes it.
	 * @param string $snake_case Name as a replay writes it.
	 * @return mixed
	 */
	private static function field( array $data, $camel_case, $snake_case ) {
		return array_key_exists( $camel_case, $data ) ? $data[ $camel_case ] : $data[ $snake_case ];
	}

	/**
	 * @param WC_Order $order   Order.
	 * @param array    $invoice The invoice as the API answered it.
	 */
	private function remember_invoice( $order, array $invoice ) {
		$order->update_meta_data( self::META_INVOICE_ID, $invoice['id'] );
		$order->update_meta_data( self::META_INVOICE_NUMBER, $invoice['invoice_number'] );
		$order->update_meta_data( self::META_INVOICE_STATUS, $invoice['status'] );
		$order->update_meta_data( self::META_INVOICE_TOTAL, (int) $invoice['total_amount_kobo'] );
		if ( ! empty( $invoice['public_token'] ) ) {
			$order->update_meta_data( self::META_PUBLIC_TOKEN, $invoice['public_token'] );
		}
		if ( ! empty( $invoice['irn'] ) ) {
			$order->update_meta_data( self::META_IRN, $invoice['irn'] );
		}
	}

	/**
	 * @param WC_Order $order Order.
	 * @return bool Whether its invoice has left draft (finalized, sent, paid ...).
	 */
	private function is_finalized( $order ) {
		$status = (string) $order->get_meta( self::META_INVOICE_STATUS );
		return '' !== $status && 'draft' !== $status && 'cancelled' !== $status;
	}

	/**
	 * The calendar day in Lagos of a WooCommerce date.
	 *
	 * @param DateTimeInterface|null $date Date.
	 * @return string Y-m-d.
	 */
	private function lagos_date( $date ) {
		$moment = null === $date ? new DateTimeImmutable( '@' . time() ) : new DateTimeImmutable( '@' . $date->getTimestamp() );
		return $moment->setTimezone( new DateTimeZone( 'Africa/Lagos' ) )->format( 'Y-m-d' );
	}
}
